//! The WebAssembly boundary, and the only file that knows wasm-bindgen: JS values in, the
//! core's serializable output out. See `docs/CONTRACT.md`.
//!
//! The analysis goes out as JSON text turned into objects by one `JSON.parse`, instead of one JS
//! call per field. The request comes in through `serde-wasm-bindgen`, which reads JS strings
//! lossily: a lone surrogate becomes U+FFFD, the same length in UTF-16, so spans stay right.

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
    let request = request(&input)?;
    let analysis = crate::analyze(&request.documents).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&analysis)
}

/// The time stage alone on the same request as [`analyze`]: per document, its creation time, time
/// expressions, ranges and ages (`dateline-times/1`, see `docs/CONTRACT.md`), for a page that
/// wants dates and nothing else. Throws like [`analyze`].
#[wasm_bindgen]
pub fn times(input: JsValue) -> Result<JsValue, JsError> {
    let request = request(&input)?;
    let found = crate::times(&request.documents).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&found)
}

/// An analyzer that remembers the documents of its last request ([`crate::Incremental`]): after
/// an edit to one of ten articles, only that one is analysed again. The page's worker keeps one.
#[wasm_bindgen]
#[derive(Default)]
pub struct Analyzer(crate::Incremental);

#[wasm_bindgen]
impl Analyzer {
    /// An analyzer that remembers nothing yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Analyse like [`analyze`] and return the analysis as UTF-8 JSON in a `Uint8Array`. Its
    /// buffer can be transferred to another thread for free, where a JS object is copied field by
    /// field: a worker answers with these bytes, and the page parses only the replies it shows.
    #[wasm_bindgen(js_name = analyzeJson)]
    pub fn analyze_json(&mut self, input: JsValue) -> Result<Vec<u8>, JsError> {
        let request = request(&input)?;
        Ok(self.0.analyze_json(&request.documents).map_err(|e| JsError::new(&e.to_string()))?.into_bytes())
    }

    /// How many documents the last call reused instead of analysing them again.
    pub fn reused(&self) -> usize {
        self.0.reused()
    }
}

/// An output as JS objects: serialized to JSON text, then one `JSON.parse`.
fn to_js(output: &impl serde::Serialize) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(output).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the output is not valid JSON"))
}

/// The request object.
fn request(input: &JsValue) -> Result<crate::Request, JsError> {
    serde_wasm_bindgen::from_value(input.clone()).map_err(|e| JsError::new(&format!("bad request: {e}")))
}

/// Analyse like [`analyze`] and write the result as `format`: `timeml` (the first document),
/// `timelinejs` or `csv` (the page writes JSON itself). Throws an `Error` with one line for bad
/// input or an unknown format.
#[wasm_bindgen(js_name = exportFormat)]
pub fn export_format(input: JsValue, format: &str) -> Result<String, JsError> {
    let request = request(&input)?;
    let analysis = crate::analyze(&request.documents).map_err(|e| JsError::new(&e.to_string()))?;
    crate::export::written(&analysis, format).map_err(|e| JsError::new(&e))
}
