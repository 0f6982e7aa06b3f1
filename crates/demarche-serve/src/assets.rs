//! The front end, embedded in the binary: the page, its script and style sheet, the country
//! outlines (Natural Earth 110m via `world-atlas`, converted by `scripts/build_web.sh`) and the
//! licenses of what was vendored. Nothing is fetched from anywhere else.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// Name, content type and bytes of each embedded file under `/assets/`.
const FILES: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../web/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../web/style.css"),
    ),
    (
        "world.json",
        "application/json",
        include_str!("../web/world.json"),
    ),
    (
        "LICENSES.txt",
        "text/plain; charset=utf-8",
        include_str!("../web/LICENSES.txt"),
    ),
];

/// The page (`/`).
pub(crate) async fn index() -> Response {
    html(include_str!("../web/index.html"))
}

fn html(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}

/// `/assets/{name}`.
pub(crate) async fn asset(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, body)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *body,
        )
            .into_response(),
        None => crate::error::error_response(StatusCode::NOT_FOUND, &format!("no asset {name:?}")),
    }
}

/// `/favicon.ico`: none (204), so browsers do not log a missing file.
pub(crate) async fn favicon() -> StatusCode {
    StatusCode::NO_CONTENT
}
