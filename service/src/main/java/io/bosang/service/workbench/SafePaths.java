package io.bosang.service.workbench;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Relative paths inside a policy folder that an upload or a download may name: no way out of the folder. */
final class SafePaths {
    /** What a policy folder holds; anything else in an upload is refused. */
    static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".drl", ".csv", ".xlsx", ".md");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private SafePaths() {
    }

    /** True for a relative path of plain segments ({@code parameters/paid/x.yaml}): no {@code ..}, no root, no backslash. */
    static boolean isSafe(String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 200) return false;
        if (relative.startsWith("/") || relative.contains("\\") || relative.contains("//")) return false;
        String[] parts = relative.split("/");
        if (parts.length > 6) return false;
        for (String s : parts) {
            if (!SEGMENT.matcher(s).matches() || s.equals("..") || s.contains("..")) return false;
        }
        return true;
    }

    /** A safe path with an extension a policy folder holds. */
    static boolean isPolicyFile(String relative) {
        if (!isSafe(relative)) return false;
        String lower = relative.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }
}
