package dev.handoff.views.training.extension;

import java.util.List;
import java.util.ServiceLoader;

/** Finds the dashboard extension of an environment kind among those registered with {@link ServiceLoader}. */
public final class DashboardExtensions {
    private DashboardExtensions() {
    }

    /** The extension serving kind {@code kindId}, or one that adds nothing. */
    public static DashboardExtension forKind(String kindId) {
        for (DashboardExtension e : ServiceLoader.load(DashboardExtension.class, DashboardExtensions.class.getClassLoader())) {
            if (e.kindId().equals(kindId)) {
                return e;
            }
        }
        return () -> kindId;
    }

    /** Every registered extension (for tests and documentation). */
    public static List<DashboardExtension> all() {
        return ServiceLoader.load(DashboardExtension.class, DashboardExtensions.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }
}
