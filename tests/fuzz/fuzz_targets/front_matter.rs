//! Reading a report file (front matter, language, slug) never panics on any text: it gives
//! a report or problems.
#![no_main]

#[path = "../../it/common/fuzz.rs"]
mod fuzz;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsroom::model::config::Config;

fuzz_target!(|data: &[u8]| {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    fuzz::front_matter(CONFIG.get_or_init(fuzz::site_config), data);
});
