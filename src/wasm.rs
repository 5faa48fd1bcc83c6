//! The WebAssembly boundary, and the only file that knows wasm-bindgen: JS values in, the
//! core's serializable output out. See `docs/CONTRACT.md`.

use wasm_bindgen::prelude::*;

/// Install the panic hook once: a panic (a bug) is logged to the console with its message
/// instead of a bare `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Analyse `{documents: [{name, text, dct, dct_overrides_text}]}` and return the
/// `dateline/1` analysis as a plain JS object. Throws an `Error` with one line for bad input.
#[wasm_bindgen]
pub fn analyze(input: JsValue) -> Result<JsValue, JsError> {
    let request: crate::Request =
        serde_wasm_bindgen::from_value(input).map_err(|e| JsError::new(&format!("bad request: {e}")))?;
    let analysis = crate::analyze(&request.documents).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&analysis, &serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Analyse like [`analyze`] and write the result as `format`: `timeml` (the first document),
/// `timelinejs` or `csv` (the page writes JSON itself). Throws an `Error` with one line for bad
/// input or an unknown format.
///
/// Only in the `page-exports` build (`www/pkg-export`), which the page loads on the reader's
/// first export: the exporters would push the page's own module over its size budget.
#[cfg(feature = "page-exports")]
#[wasm_bindgen(js_name = exportFormat)]
pub fn export_format(input: JsValue, format: &str) -> Result<String, JsError> {
    let request: crate::Request =
        serde_wasm_bindgen::from_value(input).map_err(|e| JsError::new(&format!("bad request: {e}")))?;
    let analysis = crate::analyze(&request.documents).map_err(|e| JsError::new(&e.to_string()))?;
    crate::export::written(&analysis, format).map_err(|e| JsError::new(&e))
}
