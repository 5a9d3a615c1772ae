fn main() {
    ai_strategy_atlas::web::install_panic_hook();
    ai_strategy_atlas::mount();
}
