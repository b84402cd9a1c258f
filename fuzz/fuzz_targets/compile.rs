#![no_main]

libfuzzer_sys::fuzz_target!(init: lectern_fuzz::warm(), |data: &[u8]| lectern_fuzz::compile(data));
