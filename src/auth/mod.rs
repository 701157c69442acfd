//! Signing in with AniList: the implicit grant and the token it yields.
//!
//! `jwt` and `callback` are pure and tested natively; `time` formats dates
//! with the browser's Intl; `store` is the browser glue (the session's
//! reactions to sign-in, expiry and refusal are in `session::flow`).

pub mod accounts;
pub mod callback;
pub mod jwt;
pub mod store;
pub mod stored;
pub mod time;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod never_panic {
    //! Whatever arrives in the address bar, a paste or storage, reading it
    //! returns a value or an error: it never panics (a panic in wasm kills
    //! the whole app).
    use proptest::prelude::*;

    use super::{callback, jwt};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn jwt_decode_never_panics(s in any::<String>()) {
            let _ = jwt::decode(&s);
        }

        #[test]
        fn jwt_decode_of_token_shaped_input_never_panics(
            h in "[A-Za-z0-9_=+/-]{0,40}",
            p in "[A-Za-z0-9_=+/-]{0,200}",
            s in "[A-Za-z0-9_=+/-]{0,40}",
        ) {
            let _ = jwt::decode(&format!("{h}.{p}.{s}"));
        }

        #[test]
        fn fragment_parser_never_panics(s in any::<String>()) {
            let _ = callback::parse_fragment(&s);
            let _ = callback::parse_query(&s);
            let _ = callback::safe_return_path(&s);
        }

        #[test]
        fn fragment_shaped_input_never_panics(s in "[#a-z_=&%0-9A-F+.]{0,120}") {
            let _ = callback::parse_fragment(&s);
        }

        #[test]
        fn any_json_payload_decodes_or_errs(v in json_value()) {
            let h = jwt::tests::b64(r#"{"alg":"RS256"}"#);
            let p = jwt::tests::b64(&v.to_string());
            let _ = jwt::decode(&format!("{h}.{p}.{}", jwt::tests::SIG));
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{json, Value};
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
            "[ -~]{0,12}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop_oneof![Just("sub".to_string()), Just("exp".to_string()), Just("nbf".to_string()), Just("aud".to_string()), "[a-z]{1,4}"],
                    inner,
                    0..6
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
