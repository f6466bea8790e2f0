//! JSON answers with `<`, `>` and `&` written as `\u003c`, `\u003e`,
//! `\u0026`: the same JSON to any parser, but article text can never form
//! markup in the raw bytes, whatever a client or a sniffer does with them.

use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON answer, HTML-safe.
#[derive(Debug, Clone)]
pub struct Json<T>(pub T);

/// Serialises `value` with markup characters escaped.
pub fn to_safe_vec<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let raw = serde_json::to_vec(value)?;
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 16);
    for b in raw {
        // outside strings JSON never uses these bytes, so this only touches string contents
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            _ => out.push(b),
        }
    }
    Ok(out)
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match to_safe_vec(&self.0) {
            Ok(bytes) => {
                let mut res = bytes.into_response();
                res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
                res
            }
            Err(e) => {
                eprintln!("chronicle-server: encoding JSON: {e}");
                (StatusCode::INTERNAL_SERVER_ERROR, "{\"error\":\"internal error while encoding\",\"status\":500}")
                    .into_response()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_but_round_trips() {
        let v = serde_json::json!({"body": "<script>alert('x')</script> & <img src=x onerror=alert(1)>"});
        let bytes = to_safe_vec(&v).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        let back: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, v);
    }
}
