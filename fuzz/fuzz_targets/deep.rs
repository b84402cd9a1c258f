#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| lectern_fuzz::deep(data));
