package dev.handoff.views.graph;

/**
 * How much of a node the editor's canvas shows at a zoom, so its text stays legible (issue 19.4): the whole card
 * (name, role and what it sees) near 100 %; further out only the name, drawn larger the further out, so it stays at
 * least {@value #LEGIBLE} px on screen; a name too long for that gives way to the agent's (shorter) id. Levels change
 * only when the zoom crosses a threshold, so zooming costs nothing per frame.
 */
record NodeDetail(String text, double fontSize, boolean subtitle) {
    /** Smallest on-screen text size, in pixels, the canvas draws a node's name at. */
    static final double LEGIBLE = 9;
    /** Room for the name inside an agent's card and inside STOP, in canvas units. */
    static final double AGENT_ROOM = GraphEditorViewModel.NODE_WIDTH - 26;
    static final double STOP_ROOM = NodeView.STOP_WIDTH - 16;
    private static final double CHAR_WIDTH = 0.6; // of the font size, for a bold sans-serif name

    /** Zoom ranges and the name's font size (canvas units) in each; FULL uses the stylesheet's sizes. */
    enum Level {
        FULL(0.75, 0), COMPACT(0.5, 20), LARGE(0.32, 30), HUGE(0, 36);

        final double fromZoom;
        final double fontSize;

        Level(double fromZoom, double fontSize) {
            this.fromZoom = fromZoom;
            this.fontSize = fontSize;
        }

        static Level at(double zoom) {
            for (Level l : values()) {
                if (zoom >= l.fromZoom) {
                    return l;
                }
            }
            return HUGE;
        }

        /** The smallest zoom this level is used at (the canvas never zooms out past 25 %). */
        double lowestZoom() {
            return Math.max(fromZoom, 0.25);
        }
    }

    /** The detail of a node whose name is {@code title} and id {@code id}, with {@code room} for text. */
    static NodeDetail of(Level level, String title, String id, double room) {
        if (level == Level.FULL) {
            return new NodeDetail(title, 0, true);
        }
        String text = title;
        if (fontFor(level, title, room) * level.lowestZoom() < LEGIBLE && fontFor(level, id, room) > fontFor(level, title, room)) {
            text = id;
        }
        return new NodeDetail(text, fontFor(level, text, room), false);
    }

    private static double fontFor(Level level, String text, double room) {
        return Math.min(level.fontSize, room / (CHAR_WIDTH * Math.max(1, text.length())));
    }
}
