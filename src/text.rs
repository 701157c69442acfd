//! Unicode lower case without carrying Unicode's case tables in the wasm.
//!
//! `str::to_lowercase` brings about 11 KB of tables and the code to walk
//! them. In the browser the same mapping (Unicode's default case
//! conversion) is `String.prototype.toLowerCase`, so the wasm asks it;
//! natively (the unit tests) it is the standard library's. Text that is
//! known to be ASCII uses `to_ascii_lowercase` instead.

/// `s` in lower case, by Unicode's default case conversion.
pub fn lower(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::lower;

    #[test]
    fn lowers_beyond_ascii() {
        assert_eq!(lower("ŌKAMI Shōnen ÄÖÜ"), "ōkami shōnen äöü");
        assert_eq!(lower("Σ ΑΒΓ"), "σ αβγ");
        assert_eq!(lower(""), "");
    }
}
