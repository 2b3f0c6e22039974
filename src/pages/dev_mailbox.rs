use leptos::prelude::*;
use recupera_api::recovery::Channel;

use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, PageHeading},
    move_tr,
    pages::NotFoundPage,
};

/// *Buzón de pruebas* (dev mode only): what the server would have delivered, newest first, so the
/// journey can be finished without a mail server. Outside dev mode the server says 404 and so does this.
#[component]
pub fn DevMailboxPage() -> impl IntoView {
    let messages = LocalResource::new(api::dev_mailbox);
    let error = RwSignal::new(None::<ApiError>);
    view! {
        <Suspense fallback=|| ()>
            {move || messages.get().map(|result| match result {
                Ok(list) => view! { <MailboxList messages=list error=error on_refresh=Callback::new(move |_| messages.refetch()) /> }.into_any(),
                Err(ApiError::Refused(_)) => view! { <NotFoundPage/> }.into_any(),
                Err(problem) => {
                    error.set(Some(problem));
                    view! { <ErrorSummary error=error on_retry=Callback::new(move |_| messages.refetch()) /> }.into_any()
                }
            })}
        </Suspense>
    }
}

#[component]
fn MailboxList(
    messages: Vec<recupera_api::dev::MailboxMessage>,
    error: RwSignal<Option<ApiError>>,
    on_refresh: Callback<()>,
) -> impl IntoView {
    let empty = messages.is_empty();
    view! {
        <section class="panel mailbox">
            <PageHeading text=move_tr!("mailbox-title") />
            <p class="lead">{move_tr!("mailbox-intro")}</p>
            <ErrorSummary error=error />
            <button type="button" on:click=move |_| on_refresh.run(())>{move_tr!("mailbox-refresh")}</button>
            {empty.then(|| view! { <p>{move_tr!("mailbox-empty")}</p> })}
            <ol class="mailbox-list">
                {messages.into_iter().map(|message| {
                    let is_sms = message.channel == Channel::Sms;
                    view! {
                        <li>
                            <article class="mail">
                                <h2>
                                    {if is_sms { move_tr!("mailbox-sms").get() } else { message.subject.clone() }}
                                </h2>
                                <p class="mail-to">{move_tr!("mailbox-to")} " " {message.to.clone()}</p>
                                <pre class="mail-body">{message.body.clone()}</pre>
                            </article>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
