//! What open pages are told: reload, swap the stylesheet, or show a build error. A page that
//! connects while the site is broken gets the error at once.

use std::sync::Mutex;

use tokio::sync::broadcast;

use crate::diagnostics::Error;

/// One message to open pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Signal {
    /// The site changed: reload.
    Reload,
    /// Only stylesheets changed: swap them without a reload.
    Stylesheet,
    /// The last build failed; the text names file, line and message.
    Problem(String),
    /// The server is stopping: end the stream.
    Shutdown,
}

/// The channel to every open page, and the error they should see, if any.
pub(crate) struct Live {
    sender: broadcast::Sender<Signal>,
    problem: Mutex<Option<String>>,
}

impl Default for Live {
    fn default() -> Self {
        Live {
            sender: broadcast::channel(64).0,
            problem: Mutex::new(None),
        }
    }
}

impl Live {
    /// Tells open pages about a good build: `signal`, or nothing when no file changed,
    /// unless they show an error, which a reload clears.
    pub(crate) fn built(&self, signal: Option<Signal>) {
        let had_problem = self.lock().take().is_some();
        match signal {
            Some(signal) => self.send(signal),
            None if had_problem => self.send(Signal::Reload),
            None => {}
        }
    }

    /// Tells open pages the build failed, and remembers it for pages that open later.
    pub(crate) fn failed(&self, error: &Error) {
        let text = describe(error);
        *self.lock() = Some(text.clone());
        self.send(Signal::Problem(text));
    }

    /// Ends every open stream.
    pub(crate) fn shutdown(&self) {
        self.send(Signal::Shutdown);
    }

    /// The current problem, if any, and the messages from now on.
    pub(crate) fn subscribe(&self) -> (Option<String>, broadcast::Receiver<Signal>) {
        let receiver = self.sender.subscribe();
        (self.lock().clone(), receiver)
    }

    fn send(&self, signal: Signal) {
        // No open page is no error.
        let _ = self.sender.send(signal);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        // A poisoned lock only means a panicking thread held it; the value is still whole.
        self.problem
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The error as the terminal shows it: every diagnostic with file, line, caret and hint.
fn describe(error: &Error) -> String {
    match error {
        Error::Invalid(problems) => problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n\n"),
        Error::Io { .. } => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    #[test]
    fn a_page_opened_after_a_failure_sees_it_until_a_good_build() {
        let live = Live::default();
        live.failed(&Error::invalid(Diagnostic::error("bad front matter")));
        let (problem, _) = live.subscribe();
        assert!(problem.unwrap().contains("bad front matter"));
        let (_, mut receiver) = live.subscribe();
        live.built(None);
        assert_eq!(
            receiver.try_recv().unwrap(),
            Signal::Reload,
            "the overlay goes"
        );
        assert_eq!(live.subscribe().0, None);
        live.built(None);
        assert!(
            receiver.try_recv().is_err(),
            "nothing changed, nothing to say"
        );
    }
}
