package dev.handoff.app;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The error dialog's view-model: the reports of the uncaught exceptions since the dialog was last closed, a headline
 * and the text to copy. Errors that come in while the dialog is open join it instead of opening more dialogs.
 */
public final class ErrorReports {
    private final List<ErrorReport> reports = new ArrayList<>();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** "Unexpected error: internal error: NullPointerException" or "3 unexpected errors (the last: …)". */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Every report, oldest first: what "Copy report" puts on the clipboard. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public List<ErrorReport> reports() {
        return List.copyOf(reports);
    }

    public void add(ErrorReport report) {
        reports.add(report);
        refresh();
    }

    /** The dialog was closed: the next error starts a new one. */
    public void clear() {
        reports.clear();
        refresh();
    }

    private void refresh() {
        if (reports.isEmpty()) {
            headline.set("");
            text.set("");
            count.set(0);
            return;
        }
        String last = reports.get(reports.size() - 1).summary();
        headline.set(reports.size() == 1 ? "Unexpected error: " + last
                : reports.size() + " unexpected errors (the last: " + last + ")");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                sb.append("\n----------------------------------------\n\n");
            }
            sb.append(reports.get(i).text());
        }
        text.set(sb.toString());
        count.set(reports.size()); // last: whoever waits for the count sees the text that goes with it
    }
}
