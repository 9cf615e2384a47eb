//! The trends dashboard (`/pm/trends`): activity per day as charts, the
//! fastest-rising ideas, rising words and tags, and who took part.

use crate::components::load_error::LoadError;
use crate::format;
use crate::pm::api;
use crate::pm::charts::BarChart;
use crate::pm::i18n::{l, pick};
use crate::pm::nav::{PmNav, StaffOnly};
use crate::state::use_app;
use leptos::prelude::*;
use schwarm_wire::trends::TREND_PERIODS;
use schwarm_wire::{RisingTerm, Trends};

#[component]
pub fn TrendsPage() -> impl IntoView {
    view! {
        <PmNav />
        <section class="trends">
            <h1>{l("Trends", "Trends")}</h1>
            <StaffOnly><Dashboard /></StaffOnly>
        </section>
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let days = RwSignal::new(30_i64);
    let retry = RwSignal::new(0u32);
    let trends = LocalResource::new(move || {
        retry.track();
        let d = days.get();
        async move { api::trends(d).await }
    });
    view! {
        <label class="status-filter">
            <span>{l("Period", "Zeitraum")}</span>
            <select on:change:target=move |ev| days.set(ev.target().value().parse().unwrap_or(30))>
                {TREND_PERIODS.into_iter().map(|d| view! {
                    <option value=d.to_string() selected=move || days.get() == d>
                        {move || format!("{d} {}", pick(use_app().lang.get(), "days", "Tage"))}
                    </option>
                }).collect_view()}
            </select>
        </label>
        <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"><div class="bar"></div><div class="bar"></div></div> }>
            <ErrorBoundary fallback=move |_| view! { <LoadError retry /> }>
                // The language is tracked too: the charts' titles follow a switch.
                {move || {
                    use_app().lang.track();
                    Suspend::new(async move { trends.await.map(|t| view! { <Report trends=t /> }) })
                }}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn Report(trends: Trends) -> impl IntoView {
    let app = use_app();
    let lang = app.lang.get_untracked();
    let series =
        |f: fn(&schwarm_wire::DayCount) -> i64| trends.daily.iter().map(|d| (d.day.clone(), f(d))).collect::<Vec<_>>();
    let (ideas, votes, comments) = (series(|d| d.ideas), series(|d| d.votes), series(|d| d.comments));
    let quiet = trends.daily.iter().all(|d| d.ideas + d.votes + d.comments == 0);
    let p = trends.participation.clone();
    view! {
        {quiet.then(|| view! { <p class="card empty">{l("Nothing happened in this period yet.", "In diesem Zeitraum ist noch nichts passiert.")}</p> })}
        <div class="charts">
            <BarChart title=pick(lang, "New ideas per day", "Neue Ideen pro Tag").to_owned() values=ideas />
            <BarChart title=pick(lang, "Votes per day", "Stimmen pro Tag").to_owned() values=votes />
            <BarChart title=pick(lang, "Comments per day", "Kommentare pro Tag").to_owned() values=comments />
        </div>
        <section class="card">
            <h2>{l("Who took part", "Wer mitgemacht hat")}</h2>
            <dl class="numbers">
                <dt>{l("Contributed (posted, commented or voted)", "Beigetragen (gepostet, kommentiert oder abgestimmt)")}</dt><dd>{p.contributors}</dd>
                <dt>{l("Only signed in", "Nur angemeldet")}</dt><dd>{p.only_signed_in}</dd>
                <dt>{l("Posted ideas", "Ideen gepostet")}</dt><dd>{p.posted}</dd>
                <dt>{l("Commented", "Kommentiert")}</dt><dd>{p.commented}</dd>
                <dt>{l("Voted", "Abgestimmt")}</dt><dd>{p.voted}</dd>
            </dl>
        </section>
        <section class="card">
            <h2>{l("Fastest-rising ideas", "Am schnellsten steigende Ideen")}</h2>
            {if trends.rising_ideas.is_empty() {
                view! { <p class="muted">{l("No votes in this period.", "Keine Stimmen in diesem Zeitraum.")}</p> }.into_any()
            } else {
                view! {
                    <table class="members rising">
                        <thead><tr>
                            <th scope="col">{l("Idea", "Idee")}</th>
                            <th scope="col">{l("Votes now", "Stimmen jetzt")}</th>
                            <th scope="col">{l("Before", "Davor")}</th>
                            <th scope="col">{l("Speed", "Tempo")}</th>
                        </tr></thead>
                        <tbody>
                            {trends.rising_ideas.into_iter().map(|r| view! {
                                <tr>
                                    <td><a href=format!("/pm/ideas/{}", r.idea.id)>{r.idea.title}</a></td>
                                    <td>{r.votes}</td>
                                    <td>{r.votes_before}</td>
                                    <td>{format!("×{:.1}", r.velocity)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <div class="terms">
            <Terms heading=pick(lang, "Rising words", "Steigende Wörter") terms=trends.rising_words />
            <Terms heading=pick(lang, "Rising tags", "Steigende Tags") terms=trends.rising_tags />
        </div>
        <p class="muted">{move || format!("{} – {}", format::date(&trends.from, app.lang.get()), format::date(&trends.to, app.lang.get()))}</p>
    }
}

#[component]
fn Terms(heading: &'static str, terms: Vec<RisingTerm>) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{heading}</h2>
            {if terms.is_empty() {
                view! { <p class="muted">{l("Nothing stands out yet.", "Noch fällt nichts auf.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="rising-terms">
                        {terms.into_iter().map(|t| view! {
                            <li><strong>{t.term}</strong> " " {t.count} " (" {l("before", "davor")} " " {t.count_before} ")"</li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
