//! What crosses the wasm boundary: any bytes parsed as a request (`{documents: [...]}`) either fail
//! to parse or analyse to a result or a one-line error, never a panic.
#![no_main]

use dateline::{analyze, Request};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(request) = serde_json::from_slice::<Request>(data) else { return };
    match analyze(&request.documents) {
        Ok(analysis) => assert_eq!(analysis.documents.len(), request.documents.len()),
        Err(e) => assert!(!e.to_string().contains('\n'), "one-line error"),
    }
});
