import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 360, height: 800 } });
await p.goto('http://127.0.0.1:4192/index.html');
await p.waitForTimeout(1200);
const r = await p.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361).slice(0, 12).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)));
console.log(r.join('\n'));
await p.screenshot({ path: '/tmp/p360.png' });
await b.close();
