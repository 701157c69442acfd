//! Talking to AniList's GraphQL API: one client, one error enum.

pub mod client;
pub mod error;
pub mod limiter;
pub mod queries;
pub mod read;
pub mod response;

pub use client::Api;
pub use error::ApiError;
