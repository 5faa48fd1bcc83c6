//! The wasm boundary, run in headless Chromium by wasm-bindgen-test (`scripts/test.sh`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn request(text: &str, dct: Option<&str>) -> JsValue {
    let value = serde_json::json!({ "documents": [{ "name": "a", "text": text, "dct": dct }] });
    // As the page sends it: plain objects, not ES Maps.
    serde::Serialize::serialize(&value, &serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, key| {
        let key = key.parse::<u32>().map(JsValue::from).unwrap_or_else(|_| JsValue::from_str(key));
        js_sys::Reflect::get(&v, &key).unwrap()
    })
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(dateline::wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn analyze_returns_plain_objects_with_utf16_spans() {
    let text = "😀 Monday, December 19 2016 20:43 EET\nHe joined in 1976.";
    let out = dateline::wasm::analyze(request(text, None)).unwrap();
    assert_eq!(get(&out, &["schema"]).as_string().as_deref(), Some("dateline/1"));
    let creation = get(&out, &["documents", "0", "creation_time", "value"]);
    assert_eq!(creation.as_string().as_deref(), Some("2016-12-19T20:43+02:00"));
    // The emoji is two UTF-16 units plus a space: the dateline starts at 3.
    assert_eq!(get(&out, &["documents", "0", "timexes", "0", "span", "0"]).as_f64(), Some(3.0));
    assert!(get(&out, &["documents", "0", "timexes", "0", "mod"]).is_null(), "json-compatible: None is null");
    assert_eq!(get(&out, &["timeline", "0", "start"]).as_string().as_deref(), Some("1976"));
}

#[wasm_bindgen_test]
fn analyzer_json_is_the_same_analysis_as_bytes_and_reuses_documents() {
    let text = "He joined on December 19 2016.";
    let mut analyzer = dateline::wasm::Analyzer::new();
    let bytes = analyzer.analyze_json(request(text, Some("2017-01-01"))).unwrap();
    assert_eq!(analyzer.reused(), 0);
    let parsed = js_sys::JSON::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
    let object = dateline::wasm::analyze(request(text, Some("2017-01-01"))).unwrap();
    assert_eq!(js_sys::JSON::stringify(&parsed).unwrap(), js_sys::JSON::stringify(&object).unwrap());
    assert_eq!(get(&parsed, &["documents", "0", "timexes", "0", "value"]).as_string().as_deref(), Some("2016-12-19"));
    analyzer.analyze_json(request(text, Some("2017-01-01"))).unwrap();
    assert_eq!(analyzer.reused(), 1, "the unchanged document is not analysed again");
    assert!(analyzer.analyze_json(JsValue::from_str("not an object")).is_err());
}

#[wasm_bindgen_test]
fn times_is_the_time_stage_of_analyze() {
    let text = "He joined on December 19 2016 and left two years later.";
    let times = dateline::wasm::times(request(text, Some("2017-01-01"))).unwrap();
    let full = dateline::wasm::analyze(request(text, Some("2017-01-01"))).unwrap();
    assert_eq!(get(&times, &["schema"]).as_string().as_deref(), Some("dateline-times/1"));
    let timexes = |v: &JsValue| js_sys::JSON::stringify(&get(v, &["documents", "0", "timexes"])).unwrap();
    assert_eq!(timexes(&times), timexes(&full));
    assert!(get(&times, &["documents", "0", "events"]).is_undefined(), "no later stage");
    assert!(dateline::wasm::times(request("text", Some("19/12/2016"))).is_err());
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_not_a_panic() {
    let err = dateline::wasm::analyze(request("text", Some("19/12/2016"))).unwrap_err();
    let message = js_sys::Reflect::get(&JsValue::from(err), &JsValue::from_str("message")).unwrap();
    assert!(message.as_string().unwrap().contains("bad creation time"));
    assert!(dateline::wasm::analyze(JsValue::from_str("not an object")).is_err());
}

#[wasm_bindgen_test]
fn junk_text_analyses() {
    let junk = "\u{0}\u{301}\u{202e}שלום 😀\u{feff}".repeat(200);
    let out = dateline::wasm::analyze(request(&junk, Some("2016-12-19"))).unwrap();
    assert!(get(&out, &["documents", "0", "timexes"]).is_object());
}
