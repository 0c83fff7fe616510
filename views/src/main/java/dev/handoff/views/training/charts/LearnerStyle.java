package dev.handoff.views.training.charts;

import dev.handoff.train.Algorithm;

import java.awt.BasicStroke;
import java.awt.Color;

/** How each learner looks on every chart: its colour and its short name, and the strokes the charts share. */
public final class LearnerStyle {
    public static final float[] DASHED = {6f, 4f};
    public static final float[] DOTTED = {2f, 3f};

    private LearnerStyle() {
    }

    public static Color colour(Algorithm a) {
        if (a == Algorithm.ORACLE) {
            return ChartTheme.ORACLE;
        }
        if (a == Algorithm.INDEPENDENT) {
            return ChartTheme.INDEPENDENT;
        }
        return a == Algorithm.ICQ_TABULAR || a == Algorithm.ICQ_NEURAL ? ChartTheme.ICQ : ChartTheme.palette(3 + a.ordinal());
    }

    /** "IC-Q", "neural IC-Q", else the learner's CLI name (oracle, independent, learners added later). */
    public static String label(Algorithm a) {
        if (a == Algorithm.ICQ_TABULAR) {
            return "IC-Q";
        }
        if (a == Algorithm.ICQ_NEURAL) {
            return "neural IC-Q";
        }
        return a.cliName();
    }

    /** The learner of a run folder's manifest ({@code icq-tabular}, …); IC-Q when unknown. */
    public static Algorithm parse(String cliName) {
        try {
            return Algorithm.parse(cliName);
        } catch (IllegalArgumentException e) {
            return Algorithm.ICQ_TABULAR;
        }
    }

    /** The colour at low opacity, for each seed's own curve under the mean. */
    public static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
    }

    public static BasicStroke solid(float width) {
        return new BasicStroke(width);
    }

    public static BasicStroke dashed(float width, float[] dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }
}
