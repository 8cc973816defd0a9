//! A metadata sidecar from arbitrary bytes: read or refused with an error, never a panic, and
//! a date it gives always writes and reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(sidecar) = serde_json::from_slice::<nectar_model::Sidecar>(bytes) else {
        return;
    };
    if let Some(date) = sidecar.published {
        let again: nectar_model::PartialDate = date.to_string().parse().expect("reads back");
        assert_eq!(again, date);
    }
    let _ = serde_json::to_string(&sidecar);
});
