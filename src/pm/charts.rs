//! Bar charts drawn as SVG by the app (no chart service, no chart crate:
//! a few rectangles cost less than any library's bytes).

use leptos::prelude::*;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 160.0;
const TOP: f64 = 16.0;

/// One bar per (label, value), oldest first; `title` names the chart for
/// screen readers, with the total.
#[component]
pub fn BarChart(title: String, values: Vec<(String, i64)>) -> impl IntoView {
    let max = values.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let total: i64 = values.iter().map(|(_, v)| *v).sum();
    let n = values.len().max(1) as f64;
    let step = WIDTH / n;
    let bar = (step * 0.8).max(1.0);
    let label = format!("{title}: {total}");
    let first = values.first().map(|(d, _)| d.clone()).unwrap_or_default();
    let last = values.last().map(|(d, _)| d.clone()).unwrap_or_default();
    view! {
        <figure class="chart">
            <figcaption>{title.clone()} " · " {total}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {}", HEIGHT + 18.0) role="img" aria-label=label preserveAspectRatio="none">
                <line x1="0" y1=HEIGHT x2=WIDTH y2=HEIGHT class="axis" />
                <text x="0" y="11" class="tick">{max}</text>
                {values.into_iter().enumerate().map(|(k, (day, value))| {
                    let h = (HEIGHT - TOP) * value as f64 / max as f64;
                    let x = k as f64 * step + (step - bar) / 2.0;
                    view! {
                        <rect x=x y=HEIGHT - h width=bar height=h class="bar">
                            <title>{format!("{day}: {value}")}</title>
                        </rect>
                    }
                }).collect_view()}
                <text x="0" y=HEIGHT + 15.0 class="tick">{first}</text>
                <text x=WIDTH y=HEIGHT + 15.0 class="tick end">{last}</text>
            </svg>
        </figure>
    }
}
