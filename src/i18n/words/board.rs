//! The board, ideas, votes, comments and signing in.

words! {
    NavIdeas: "Ideas", "Ideen";
    SignIn: "Sign in", "Anmelden";
    SignOut: "Sign out", "Abmelden";
    Register: "Create account", "Konto erstellen";
    Language: "Language", "Sprache";
    SignedInAs: "Signed in as", "Angemeldet als";
    BoardHeading: "Ideas", "Ideen";
    BoardIntro:
        "Share what would make the product better, and vote for the ideas you want most.",
        "Teile, was das Produkt besser machen würde, und stimme für die Ideen, die dir am wichtigsten sind.";
    SortLabel: "Sort by", "Sortieren nach";
    SortNew: "Newest", "Neueste";
    SortTop: "Most votes", "Meiste Stimmen";
    LoadMore: "Load more", "Mehr laden";
    Loading: "Loading…", "Wird geladen …";
    EmptyBoard: "No ideas yet: be the first to share one.", "Noch keine Ideen: Teile als Erste oder Erster eine.";
    LoadFailed:
        "This could not be loaded. Check your connection and try again.",
        "Das konnte nicht geladen werden. Prüfe deine Verbindung und versuche es erneut.";
    Retry: "Try again", "Erneut versuchen";
    NewIdeaHeading: "Share an idea", "Idee teilen";
    TitleLabel: "Title", "Titel";
    BodyLabel: "Description (optional)", "Beschreibung (optional)";
    PostIdea: "Post idea", "Idee veröffentlichen";
    Posting: "Posting…", "Wird veröffentlicht …";
    SignInToPost:
        "Sign in or create an account to share an idea.",
        "Melde dich an oder erstelle ein Konto, um eine Idee zu teilen.";
    IdeaPosted: "Your idea is posted.", "Deine Idee ist veröffentlicht.";
    PostFailed:
        "Your idea could not be posted. Your text is still here; please try again.",
        "Deine Idee konnte nicht veröffentlicht werden. Dein Text ist noch da; bitte versuche es erneut.";
    Vote: "Vote", "Abstimmen";
    Votes: "votes", "Stimmen";
    VoteOne: "vote", "Stimme";
    Comments: "comments", "Kommentare";
    CommentOne: "comment", "Kommentar";
    VoteSaved: "Your vote is counted.", "Deine Stimme wird gezählt.";
    VoteRemoved: "Your vote is removed.", "Deine Stimme ist zurückgezogen.";
    VoteFailed:
        "Your vote could not be saved, so it was undone. Please try again.",
        "Deine Stimme konnte nicht gespeichert werden und wurde zurückgenommen. Bitte versuche es erneut.";
    SignInToVote: "Sign in to vote.", "Melde dich an, um abzustimmen.";
    By: "by", "von";
    BackToBoard: "All ideas", "Alle Ideen";
    NotFoundHeading: "Page not found", "Seite nicht gefunden";
    NotFoundText:
        "There is nothing at this address. Go back to the ideas.",
        "Unter dieser Adresse gibt es nichts. Zurück zu den Ideen.";
    IdeaNotFound: "This idea does not exist, or it was removed.", "Diese Idee gibt es nicht, oder sie wurde entfernt.";
    EmailLabel: "Email", "E-Mail";
    PasswordLabel: "Password", "Passwort";
    DisplayNameLabel: "Display name", "Anzeigename";
    PasswordHint: "At least 10 characters.", "Mindestens 10 Zeichen.";
    SignInHeading: "Sign in", "Anmelden";
    RegisterHeading: "Create your account", "Konto erstellen";
    NoAccountYet: "No account yet?", "Noch kein Konto?";
    HaveAccount: "Already registered?", "Schon registriert?";
    SigningIn: "One moment…", "Einen Moment …";
    WrongCredentials: "Wrong email or password.", "E-Mail oder Passwort ist falsch.";
    EmailTaken:
        "An account with this email exists. Sign in instead.",
        "Zu dieser E-Mail gibt es schon ein Konto. Melde dich stattdessen an.";
    SignedIn: "You are signed in.", "Du bist angemeldet.";
    SignedOut: "You are signed out.", "Du bist abgemeldet.";
    NetworkError:
        "The server cannot be reached. Check your connection and try again.",
        "Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.";
    GenericError: "Something went wrong. Please try again.", "Etwas ist schiefgelaufen. Bitte versuche es erneut.";
    SessionExpired:
        "Your session has ended. Please sign in again.",
        "Deine Sitzung ist abgelaufen. Bitte melde dich erneut an.";
    StatusOpen: "Open", "Offen";
    StatusUnderReview: "Under review", "In Prüfung";
    StatusPlanned: "Planned", "Geplant";
    StatusInProgress: "In progress", "In Arbeit";
    StatusDone: "Done", "Erledigt";
    StatusDeclined: "Declined", "Abgelehnt";
    CommentsHeading: "Comments", "Kommentare";
    NoComments: "No comments yet. Start the discussion.", "Noch keine Kommentare. Beginne die Diskussion.";
    CommentLabel: "Your comment", "Dein Kommentar";
    ReplyLabel: "Your reply", "Deine Antwort";
    PostComment: "Comment", "Kommentieren";
    Reply: "Reply", "Antworten";
    Edit: "Edit", "Bearbeiten";
    Delete: "Delete", "Löschen";
    Save: "Save", "Speichern";
    Cancel: "Cancel", "Abbrechen";
    Edited: "edited", "bearbeitet";
    ConfirmDelete: "Delete this comment and its replies?", "Diesen Kommentar und seine Antworten löschen?";
    CommentPosted: "Your comment is posted.", "Dein Kommentar ist veröffentlicht.";
    CommentSaved: "Your comment is saved.", "Dein Kommentar ist gespeichert.";
    CommentDeleted: "The comment is deleted.", "Der Kommentar ist gelöscht.";
    CommentFailed:
        "Your comment could not be saved. Your text is still here; please try again.",
        "Dein Kommentar konnte nicht gespeichert werden. Dein Text ist noch da; bitte versuche es erneut.";
    SignInToComment: "Sign in to join the discussion.", "Melde dich an, um mitzudiskutieren.";
    IdeaSaved: "Your idea is saved.", "Deine Idee ist gespeichert.";
    IdeaDeleted: "Your idea is deleted.", "Deine Idee ist gelöscht.";
    IdeaLocked:
        "A product manager has already taken this idea up, so it can no longer be changed.",
        "Ein Produktmanager hat diese Idee schon aufgegriffen; sie kann nicht mehr geändert werden.";
    ConfirmDeleteIdea:
        "Delete this idea with its votes and comments?",
        "Diese Idee mit ihren Stimmen und Kommentaren löschen?";
    SortTrending: "Trending", "Im Trend";
    SortDiscussed: "Most discussed", "Meistdiskutiert";
    StatusFilterLabel: "Status", "Status";
    AllStatuses: "All statuses", "Alle Status";
    SearchLabel: "Search ideas", "Ideen durchsuchen";
    SearchButton: "Search", "Suchen";
    ClearSearch: "Clear search", "Suche löschen";
    NoResults:
        "No idea matches your search. Try other words, or share it as a new idea.",
        "Keine Idee passt zu deiner Suche. Versuche andere Wörter oder teile sie als neue Idee.";
    SortRelevance: "Best match", "Beste Treffer";
    SimilarHeading:
        "Similar ideas exist. Vote for one instead of posting a duplicate:",
        "Es gibt ähnliche Ideen. Stimme lieber für eine davon, statt sie doppelt zu posten:";
}
