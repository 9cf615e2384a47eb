//! The team's words to the crowd (responses, roadmap, changelog,
//! moderation) and the admins' embedding settings.

words! {
    SsoFailed: "Signing in through the site did not work.", "Die Anmeldung über die Website hat nicht geklappt.";
    Saved: "Saved.", "Gespeichert.";
    ResponseLabel:
        "Public response (optional, shown on the idea and sent to its followers)",
        "Öffentliche Antwort (optional, steht bei der Idee und geht an ihre Follower)";
    NavTriage: "Triage", "Sichtung";
    AccountBlocked:
        "Your account is blocked from posting, voting and commenting.",
        "Dein Konto ist für Beiträge, Stimmen und Kommentare gesperrt.";
    IdeaMergedError:
        "This idea was merged into another one: vote and comment there.",
        "Diese Idee wurde mit einer anderen zusammengeführt: stimme und kommentiere dort.";
    HiddenComment: "Hidden from members", "Für Mitglieder verborgen";
    NavRoadmap: "Roadmap", "Roadmap";
    NavChangelog: "Changelog", "Neuigkeiten";
    RoadmapHeading: "Roadmap", "Roadmap";
    RoadmapIntro:
        "What the team has planned and is working on, with the votes behind each idea.",
        "Was das Team geplant hat und woran es arbeitet, mit den Stimmen hinter jeder Idee.";
    RoadmapEmptyColumn: "Nothing here yet.", "Hier ist noch nichts.";
    RoadmapEmpty: "The roadmap is empty for now.", "Die Roadmap ist noch leer.";
    ChangelogHeading: "Changelog", "Neuigkeiten";
    ChangelogIntro:
        "What shipped, and which of your ideas it came from.",
        "Was neu ist, und aus welchen eurer Ideen es entstand.";
    ChangelogEmpty: "No release notes yet.", "Noch keine Versionshinweise.";
    ChangelogFeed: "Subscribe (Atom feed)", "Abonnieren (Atom-Feed)";
    ShipsIdeas: "Ideas in this release", "Ideen in dieser Version";
    NotifChangelog: "Shipped in", "Umgesetzt in";
    AwaitingApproval:
        "Waiting for approval: only you and the team see it",
        "Wartet auf Freigabe: nur du und das Team sehen sie";
    MergedInto: "Merged into", "Zusammengeführt mit";
    InternalNote: "Internal note", "Interne Notiz";
    InternalNoteHint: "only product managers and admins see it", "nur Produktmanager und Admins sehen sie";
    MovedFrom: "moved from idea", "verschoben von Idee";
    AdminOnly: "Only admins can manage embedding.", "Nur Admins können das Einbetten verwalten.";
    SitesHeading: "Sites that embed a board", "Websites, die ein Board einbetten";
    SitesIntro:
        "A site's origin may show the board as a widget and sign its visitors in with tokens signed by its secret.",
        "Der Ursprung einer Website darf das Board als Widget zeigen und Besucher mit Tokens anmelden, die mit ihrem Geheimnis signiert sind.";
    NoSites:
        "No site embeds a board yet. Add the first below.",
        "Noch keine Website bettet ein Board ein. Füge unten die erste hinzu.";
    AddSiteHeading: "Add a site", "Website hinzufügen";
    SiteNameLabel: "Site name", "Name der Website";
    SiteOriginLabel: "Origin, such as https://www.example.com", "Ursprung, etwa https://www.example.com";
    SiteBoardLabel: "Board", "Board";
    AccentLabel: "Accent colour", "Akzentfarbe";
    ModeLabel: "Light or dark", "Hell oder dunkel";
    ModeAuto: "As the visitor's system", "Wie das System der Besucher";
    ModeLight: "Light", "Hell";
    ModeDark: "Dark", "Dunkel";
    FontLabel: "Font family (optional)", "Schriftart (optional)";
    RadiusLabel: "Corner radius in pixels", "Eckenradius in Pixeln";
    AddSite: "Add site", "Website hinzufügen";
    SiteSaved: "The site is saved.", "Die Website ist gespeichert.";
    SiteDeleted: "The site is removed.", "Die Website ist entfernt.";
    ConfirmDeleteSite:
        "Remove this site? Its pages can no longer show the board.",
        "Diese Website entfernen? Ihre Seiten können das Board dann nicht mehr zeigen.";
    RotateSecret: "New SSO secret", "Neues SSO-Geheimnis";
    ConfirmRotate:
        "Make a new secret? Tokens signed with the old one stop working at once.",
        "Ein neues Geheimnis erzeugen? Mit dem alten signierte Tokens gelten sofort nicht mehr.";
    SecretOnce:
        "The SSO secret, shown only now. Keep it on the site's server to sign tokens (HS256):",
        "Das SSO-Geheimnis, nur jetzt sichtbar. Bewahre es auf dem Server der Website auf, um Tokens zu signieren (HS256):";
    SnippetLabel: "Put this where the board should appear:", "Füge dies dort ein, wo das Board erscheinen soll:";
    PreviewLabel: "Preview", "Vorschau";
    Copy: "Copy", "Kopieren";
    Copied: "Copied.", "Kopiert.";
    OriginTaken: "Another site already has this origin.", "Eine andere Website hat diesen Ursprung schon.";
}
