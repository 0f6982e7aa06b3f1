//! The router: the API routes and the embedded front end, behind the request limits (URI
//! length, body size, concurrent requests) and headers that keep the page from loading anything
//! from elsewhere. Unknown routes and malformed requests get a `{"error": ...}` JSON answer.

use crate::api::{self, Ctx};
use crate::assets;
use crate::error::error_response;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tower::limit::GlobalConcurrencyLimitLayer;

/// The limits every request is held to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// The longest request URI, in bytes.
    pub(crate) max_uri: usize,
    /// The largest request body, in bytes.
    pub(crate) max_body: usize,
    /// Requests handled at once; the rest wait.
    pub(crate) max_concurrent: usize,
}

/// The page's Content-Security-Policy: only this server, no inline script.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The whole application.
pub(crate) fn router(ctx: Ctx, limits: Limits) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/favicon.ico", get(assets::favicon))
        .route("/api/events", get(api::events::list))
        .route("/api/events/{id}", get(api::event::show))
        .route("/api/timeline", get(api::timeline::timeline))
        .route("/api/network", get(api::network::network))
        .route("/api/map", get(api::map::map))
        .route("/api/facets", get(api::facets::facets))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(ctx)
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(GlobalConcurrencyLimitLayer::new(limits.max_concurrent))
        .layer(middleware::from_fn(move |req, next| {
            guard(limits, req, next)
        }))
}

/// Refuses over-long URIs and bodies before any handler runs; adds the security headers.
async fn guard(limits: Limits, req: Request, next: Next) -> Response {
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if uri_len > limits.max_uri {
        let msg = format!("request URI longer than {} bytes", limits.max_uri);
        return error_response(StatusCode::URI_TOO_LONG, &msg);
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limits.max_body) {
        let msg = format!("request body larger than {} bytes", limits.max_body);
        return error_response(StatusCode::PAYLOAD_TOO_LARGE, &msg);
    }
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

async fn not_found(req: Request) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        &format!("no route {}", req.uri().path()),
    )
}

async fn method_not_allowed() -> Response {
    error_response(StatusCode::METHOD_NOT_ALLOWED, "only GET is served")
}
