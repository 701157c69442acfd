//! How a change is sent when its answer may be lost (a timeout, a dropped
//! connection): what is safe to send again is sent once more; what would
//! make a second one is sent once and then looked for.

use std::future::Future;

use crate::api::ops::delete_entry::Deleted;
use crate::api::ApiError;

/// Sends something new, once: what AniList answered with, or when its
/// answer is lost (or empty), what `read_back` finds of it.
pub async fn sent_once<T, G: Future<Output = Result<Option<T>, ApiError>>>(
    send: impl Future<Output = Result<Option<T>, ApiError>>,
    read_back: impl FnOnce() -> G,
) -> Result<Option<T>, ApiError> {
    match send.await {
        Ok(Some(made)) => return Ok(Some(made)),
        Ok(None) => {}
        Err(e) if e.outcome_unknown() => {}
        Err(e) => return Err(e),
    }
    read_back().await
}

/// Sends a change that is safe to send again (it sets a whole value, or
/// deleting twice deletes once): when its outcome is unknown, once more.
pub async fn again_if_unknown<T, F: Future<Output = Result<T, ApiError>>>(send: impl Fn() -> F) -> Result<T, ApiError> {
    match send().await {
        Err(e) if e.outcome_unknown() => send().await,
        answer => answer,
    }
}

/// A delete's answer: `Ok` when the thing is gone (AniList says it was
/// deleted, or that it is not there: a delete sent before went through).
pub fn gone(answer: Result<Option<Deleted>, ApiError>) -> Result<(), ApiError> {
    match answer {
        Ok(Some(Deleted { deleted: Some(true) })) => Ok(()),
        Err(e) if e.is_not_found() => Ok(()),
        Ok(_) => Err(ApiError::Shape("AniList did not say it was deleted".into())),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use futures::FutureExt;

    use super::*;

    #[test]
    fn sent_once_reads_back_only_when_the_answer_is_lost_or_empty() {
        let read = Cell::new(0);
        let back = || async {
            read.set(read.get() + 1);
            Ok(Some(7))
        };
        assert_eq!(sent_once(async { Ok(Some(1)) }, back).now_or_never().unwrap(), Ok(Some(1)));
        assert_eq!(read.get(), 0);
        assert_eq!(sent_once(async { Err(ApiError::Timeout { secs: 20 }) }, back).now_or_never().unwrap(), Ok(Some(7)));
        assert_eq!(sent_once(async { Err(ApiError::Network) }, back).now_or_never().unwrap(), Ok(Some(7)));
        assert_eq!(sent_once(async { Ok(None) }, back).now_or_never().unwrap(), Ok(Some(7)));
        assert_eq!(read.get(), 3);
        // A refusal is AniList's word: nothing is looked for.
        let refused = ApiError::Validation { fields: vec![("body".into(), vec!["too short".into()])] };
        assert_eq!(sent_once(async { Err::<Option<i32>, _>(refused.clone()) }, back).now_or_never().unwrap(), Err(refused));
        assert_eq!(read.get(), 3);
    }

    #[test]
    fn gone_is_deleted_now_or_before() {
        assert_eq!(gone(Ok(Some(Deleted { deleted: Some(true) }))), Ok(()));
        assert_eq!(gone(Err(ApiError::GraphQl { status: 404, errors: vec![] })), Ok(()));
        assert!(matches!(gone(Ok(Some(Deleted { deleted: Some(false) }))), Err(ApiError::Shape(_))));
        assert!(matches!(gone(Ok(None)), Err(ApiError::Shape(_))));
        assert_eq!(gone(Err(ApiError::Unauthorized)), Err(ApiError::Unauthorized));
    }

    #[test]
    fn again_if_unknown_sends_twice_at_most_and_only_after_a_lost_answer() {
        let sent = Cell::new(0);
        let lost = || async {
            sent.set(sent.get() + 1);
            Err::<(), _>(ApiError::Timeout { secs: 20 })
        };
        assert_eq!(again_if_unknown(lost).now_or_never().unwrap(), Err(ApiError::Timeout { secs: 20 }));
        assert_eq!(sent.get(), 2);
        sent.set(0);
        let refused = || async {
            sent.set(sent.get() + 1);
            Err::<(), _>(ApiError::Unauthorized)
        };
        assert_eq!(again_if_unknown(refused).now_or_never().unwrap(), Err(ApiError::Unauthorized));
        assert_eq!(sent.get(), 1);
        sent.set(0);
        let lost_then_done = || async {
            sent.set(sent.get() + 1);
            if sent.get() == 1 { Err(ApiError::Network) } else { Ok(5) }
        };
        assert_eq!(again_if_unknown(lost_then_done).now_or_never().unwrap(), Ok(5));
        assert_eq!(sent.get(), 2);
    }
}
