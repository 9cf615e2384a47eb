//! The account, notifications, e-mail settings and validation problems.

words! {
    AccountHeading: "Your account", "Dein Konto";
    ChangePasswordHeading: "Change password", "Passwort ändern";
    CurrentPasswordLabel: "Current password", "Aktuelles Passwort";
    NewPasswordLabel: "New password", "Neues Passwort";
    ProfileSaved: "Your name is saved.", "Dein Name ist gespeichert.";
    PasswordChanged:
        "Your password is changed. Your other devices are signed out.",
        "Dein Passwort ist geändert. Deine anderen Geräte sind abgemeldet.";
    SignInForAccount: "Sign in to see your account.", "Melde dich an, um dein Konto zu sehen.";
    ProblemWrongPassword: "This is not your current password.", "Das ist nicht dein aktuelles Passwort.";
    VotersHeading: "Backed by", "Unterstützt von";
    NoVotersYet: "No votes yet: be the first to back it.", "Noch keine Stimmen: unterstütze sie als Erste oder Erster.";
    MoreVoters: "more", "weitere";
    NotificationsHeading: "Notifications", "Benachrichtigungen";
    Unread: "unread", "ungelesen";
    NoNotifications:
        "Nothing new. Follow ideas to hear when they change.",
        "Nichts Neues. Folge Ideen, um von Änderungen zu erfahren.";
    Follow: "Follow", "Folgen";
    Following: "Following", "Gefolgt";
    NotifComment: "New comment by", "Neuer Kommentar von";
    NotifStatus: "Status changed to", "Status geändert zu";
    NotifMerged: "Merged by", "Zusammengeführt von";
    NotifOther: "Update by", "Neuigkeit von";
    SomeoneName: "someone", "jemandem";
    FollowOn: "You follow this idea now.", "Du folgst dieser Idee jetzt.";
    FollowOff: "You no longer follow this idea.", "Du folgst dieser Idee nicht mehr.";
    SignInForNotifications:
        "Sign in to see your notifications.",
        "Melde dich an, um deine Benachrichtigungen zu sehen.";
    DeletedUser: "deleted account", "gelöschtes Konto";
    MyIdeas: "My ideas", "Meine Ideen";
    MyVotes: "Ideas I voted for", "Ideen, für die ich gestimmt habe";
    MyComments: "My comments", "Meine Kommentare";
    NothingYet: "Nothing yet.", "Noch nichts.";
    DownloadData: "Download all my data (JSON)", "Alle meine Daten herunterladen (JSON)";
    DeleteAccount: "Delete my account", "Mein Konto löschen";
    ConfirmDeleteAccount:
        "Delete your account? Your votes are removed; your ideas and comments stay, without your name. This cannot be undone.",
        "Dein Konto löschen? Deine Stimmen werden entfernt; deine Ideen und Kommentare bleiben, ohne deinen Namen. Das lässt sich nicht rückgängig machen.";
    AccountDeleted: "Your account is deleted.", "Dein Konto ist gelöscht.";
    OnIdea: "on idea", "zur Idee";
    BoardLabel: "Board", "Bereich";
    AllBoards: "All boards", "Alle Bereiche";
    TagsLabel: "Tags", "Schlagwörter";
    AllTags: "All tags", "Alle Schlagwörter";
    ResponseFrom: "Response from", "Antwort von";
    TheTeam: "the team", "dem Team";
    ShowNewIdeas: "Show new ideas", "Neue Ideen anzeigen";
    ProblemRequired: "Please fill this in.", "Bitte ausfüllen.";
    ProblemTooShort: "Use at least {n} characters.", "Mindestens {n} Zeichen.";
    ProblemTooLong: "Use at most {n} characters.", "Höchstens {n} Zeichen.";
    ProblemInvalidEmail: "This is not an email address.", "Das ist keine E-Mail-Adresse.";
    ProblemCommonPassword:
        "This password is too common. Choose another.",
        "Dieses Passwort ist zu verbreitet. Wähle ein anderes.";
    ProblemOutOfRange: "Choose a number in {n}.", "Wähle eine Zahl im Bereich {n}.";
    ProblemTooMany: "Choose at most {n}.", "Wähle höchstens {n}.";
    ProblemInvalid: "This is not valid.", "Das ist ungültig.";
    EmailHeading: "Email notifications", "E-Mail-Benachrichtigungen";
    EmailIntro:
        "We email you about ideas you follow. Choose what:",
        "Wir schreiben dir zu Ideen, denen du folgst. Wähle, worüber:";
    EmailStatusChanges: "Status changes and the team's responses", "Statusänderungen und Antworten des Teams";
    EmailReplies: "New comments and replies", "Neue Kommentare und Antworten";
    EmailLanguageLabel: "Language of the emails", "Sprache der E-Mails";
    EmailSaved: "Your email settings are saved.", "Deine E-Mail-Einstellungen sind gespeichert.";
    UnsubscribeHeading: "Unsubscribe from emails", "E-Mails abbestellen";
    Unsubscribing: "Unsubscribing…", "Wird abbestellt …";
    UnsubscribedStatus:
        "Done: you will get no more emails about status changes.",
        "Erledigt: Du bekommst keine E-Mails mehr zu Statusänderungen.";
    UnsubscribedReplies:
        "Done: you will get no more emails about comments.",
        "Erledigt: Du bekommst keine E-Mails mehr zu Kommentaren.";
    UnsubscribeInvalid:
        "This unsubscribe link is not valid (any more).",
        "Dieser Link zum Abbestellen ist nicht (mehr) gültig.";
    UnsubscribeFailed: "Unsubscribing did not work.", "Das Abbestellen hat nicht geklappt.";
    ManageEmail:
        "Choose all your email settings on your account page.",
        "Alle E-Mail-Einstellungen findest du auf deiner Kontoseite.";
}
