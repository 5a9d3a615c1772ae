//! AI Strategy Atlas's stand-in for the `send_wrapper` crate (the 0.6 API that Leptos's reactive system uses to
//! keep `!Send` values in its arenas), patched in from the workspace's `Cargo.toml`.
//!
//! Why: the original remembers the creating thread's id (`std::thread::current().id()`) and checks it on every
//! access. On `wasm32-unknown-unknown` without the `atomics` feature there is exactly one thread, so the check can
//! never fail, yet asking for the current thread pulls std's thread-handle set-up and a second allocator (std's own
//! dlmalloc, besides our `lol_alloc`) into the binary: several KB of wasm for nothing. Here that single-threaded
//! target keeps no id and the check is constant `true`; every other target (native tests) keeps the real check, so
//! misuse across threads still panics there.

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

/// True when the target has no threads to check against.
const ONE_THREAD: bool = cfg!(all(target_arch = "wasm32", not(target_feature = "atomics")));

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
type Owner = std::thread::ThreadId;
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
type Owner = ();

#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
fn owner() -> Owner {
    std::thread::current().id()
}
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
fn owner() -> Owner {}

/// A value that may be moved to other threads but only used, and dropped, on the thread that wrapped it.
pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    owner: Owner,
}

// SAFETY: every access to `data` goes through `check` (or `valid`), which makes sure it happens on the thread that
// created the wrapper; on a single-threaded target there is no other thread.
unsafe impl<T> Send for SendWrapper<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> SendWrapper<T> {
    /// Wraps `data`, owned by the current thread.
    pub fn new(data: T) -> SendWrapper<T> {
        SendWrapper { data: ManuallyDrop::new(data), owner: owner() }
    }

    /// Whether the value may be used from the current thread.
    #[allow(clippy::unit_cmp)]
    pub fn valid(&self) -> bool {
        ONE_THREAD || self.owner == owner()
    }

    fn check(&self, what: &str) {
        if !self.valid() {
            panic!("{what} a SendWrapper from a thread other than the one that created it");
        }
    }

    /// Unwraps the value. Panics off the owning thread.
    pub fn take(self) -> T {
        self.check("took");
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is never used or dropped again, so `data` is taken exactly once.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }
}

impl<T> Deref for SendWrapper<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.check("dereferenced");
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.check("dereferenced");
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    fn drop(&mut self) {
        if !std::mem::needs_drop::<T>() || self.valid() {
            // SAFETY: `data` is dropped here once, and the wrapper is gone afterwards.
            unsafe { ManuallyDrop::drop(&mut self.data) }
        } else if !std::thread::panicking() {
            panic!("dropped a SendWrapper from a thread other than the one that created it");
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper").field("data", self.deref()).finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    fn clone(&self) -> Self {
        SendWrapper::new(self.deref().clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use super::SendWrapper;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.check("polled");
            // SAFETY: the wrapper never moves `data` out while pinned (only `take`, which consumes an unpinned self).
            unsafe { self.map_unchecked_mut(|s| &mut *s.data) }.poll(cx)
        }
    }

    impl<S: futures_core::Stream> futures_core::Stream for SendWrapper<S> {
        type Item = S::Item;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            self.check("polled");
            // SAFETY: as for `Future::poll`.
            unsafe { self.map_unchecked_mut(|s| &mut *s.data) }.poll_next(cx)
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            std::ops::Deref::deref(self).size_hint()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SendWrapper;
    use std::rc::Rc;

    #[test]
    fn the_owning_thread_uses_and_takes_the_value() {
        let w = SendWrapper::new(Rc::new(5));
        assert!(w.valid());
        assert_eq!(**w, 5);
        assert_eq!(*w.clone().take(), 5);
    }

    #[test]
    fn another_thread_may_move_it_but_not_use_it() {
        let w = SendWrapper::new(Rc::new(5));
        let back = std::thread::spawn(move || {
            assert!(!w.valid());
            let used = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| **w));
            assert!(used.is_err(), "dereferencing off the owning thread panics");
            w
        })
        .join()
        .expect("thread");
        assert_eq!(**back, 5);
    }
}
