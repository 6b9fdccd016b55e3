package io.bosang.engine.internal;

import io.bosang.problem.Problem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tier tables as spreadsheets: a policy folder may hold Drools decision tables ({@code .csv}, or {@code .xlsx} with
 * one table per sheet), which this class turns into DRL text that {@link DroolsRuleBase#compile} compiles with the
 * policy's DRL files, so a table's rules carry {@code @ruleId}, {@code @legalBasis} and {@code @oncePer} (METADATA
 * columns) and are checked like any rule.
 *
 * <p>What Drools does not do, done here:
 * <ul>
 *   <li><b>Unknown headers are refused.</b> Drools reads a column header by its first letter, so a misspelt
 *       {@code ACTON} silently becomes an ACTION; every header must be one of {@link #COLUMN_HEADERS}, and every
 *       keyword outside a table one of {@link #KEYWORDS}.</li>
 *   <li><b>Errors name the file, sheet and cell.</b> Drools reports a bad value only by a line of the DRL it
 *       generated; the generated DRL carries {@code // rule values at A11, header at A5} above each rule, so a line
 *       maps back to its row, and the cell of that row whose value appears on the line is the cell reported.</li>
 *   <li><b>No stale tables.</b> The table is converted from its bytes by {@link SpreadsheetCompiler}, never through
 *       the knowledge builder's decision-table provider, which caches by source path: an edited sheet always
 *       recompiles.</li>
 *   <li><b>MVEL, like every DRL of the project.</b> A decision table cannot name its dialect; the generated package
 *       gets {@code dialect "mvel"} so snippets read facts as the DRL does ({@code $l.amountKrw}).</li>
 * </ul>
 */
public final class DecisionTables {
    /** The column headers a tier table may use (Drools knows more; these are what a tier needs). */
    public static final List<String> COLUMN_HEADERS = List.of("NAME", "DESCRIPTION", "CONDITION", "ACTION", "METADATA");
    /** Keywords of the rows outside a rule table. */
    public static final List<String> KEYWORDS = List.of("RuleSet", "Import", "Notes", "RuleTable");
    private static final Set<String> KEYWORDS_LOWER = Set.of("ruleset", "import", "notes");
    private static final Pattern RULE_VALUES_AT = Pattern.compile("^// rule values at ([A-Z]+)([0-9]+), header at ([A-Z]+)([0-9]+)");
    private static final Pattern CELL_IN_MESSAGE = Pattern.compile("\\b(?:cell|cells) \\[?([A-Z]{1,3})([0-9]+)");

    private DecisionTables() {
    }

    /** Whether a file of a policy folder is a decision table (a {@code .csv} or {@code .xlsx} outside parameters/ and scenarios/). */
    public static boolean isTable(String relativePath) {
        String p = relativePath.toLowerCase(Locale.ROOT);
        return (p.endsWith(".csv") || p.endsWith(".xlsx")) && !p.startsWith("parameters/") && !p.startsWith("scenarios/");
    }

    /** Whether the file is a binary workbook (hashed as bytes, not as text). */
    public static boolean isWorkbook(String relativePath) {
        return relativePath.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Where a generated DRL file came from: the table file, its sheet (null for CSV), the cells of the sheet, and for
     * each line of the generated DRL the sheet row it was generated from.
     */
    public static final class Origin {
        private final String sheet;
        private final List<List<String>> cells;      // [row-1][column]
        private final int[] rowOfLine;               // [drl line] → sheet row (1-based), 0 when unknown

        private final Set<Integer> labelColumns = new java.util.HashSet<>();   // NAME and DESCRIPTION: text, not code

        Origin(String sheet, List<List<String>> cells, int[] rowOfLine) {
            this.sheet = sheet;
            this.cells = cells;
            this.rowOfLine = rowOfLine;
            for (int r = 0; r + 1 < cells.size(); r++) {
                int first = firstNonEmpty(cells.get(r));
                if (first < 0 || !cells.get(r).get(first).trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) continue;
                List<String> header = cells.get(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String h = header.get(c).trim().toUpperCase(Locale.ROOT);
                    if (h.equals("NAME") || h.equals("DESCRIPTION")) labelColumns.add(c);
                }
            }
        }

        public String sheet() {
            return sheet;
        }

        /** The sheet row a generated DRL line came from (1-based), or 0. */
        public int row(int drlLine) {
            return drlLine > 0 && drlLine < rowOfLine.length ? rowOfLine[drlLine] : 0;
        }

        /**
         * The cell of {@code row} whose value appears in {@code text} (the longest such value, so a parameter id wins
         * over a one-letter marker), as {@code D11}; or null when none does.
         */
        public String cell(int row, String text) {
            if (row < 1 || row > cells.size() || text == null) return null;
            List<String> r = cells.get(row - 1);
            int best = -1;
            int bestLength = 0;
            for (int c = 0; c < r.size(); c++) {
                String v = r.get(c).trim();
                // A rule's name shows on its rule line, where Drools reports a consequence error: not the culprit.
                if (v.isEmpty() || labelColumns.contains(c)) continue;
                // Drools escapes quotes of a value as it puts it into the snippet.
                if (!text.contains(v) && !text.contains(v.replace("\"", "\\\""))) continue;
                if (v.length() > bestLength) {
                    best = c;
                    bestLength = v.length();
                }
            }
            // A one-letter marker ("x" in a column whose snippet takes no value) shows in almost any text.
            return best < 0 || bestLength < 2 ? null : columnName(best) + row;
        }

        /**
         * The cell of {@code row} whose value, found in {@code lineText}, covers {@code column} (0-based) or ends
         * nearest before it; null when no value of the row is on the line.
         */
        public String cellAt(int row, String lineText, int column) {
            if (row < 1 || row > cells.size() || lineText == null) return null;
            List<String> r = cells.get(row - 1);
            int best = -1;
            int bestDistance = Integer.MAX_VALUE;
            for (int c = 0; c < r.size(); c++) {
                String v = r.get(c).trim();
                if (v.length() < 2 || labelColumns.contains(c)) continue;
                for (int from = lineText.indexOf(v); from >= 0; from = lineText.indexOf(v, from + 1)) {
                    int end = from + v.length();
                    int distance = column >= from && column <= end ? 0 : column > end ? column - end : Integer.MAX_VALUE;
                    if (distance < bestDistance) {
                        best = c;
                        bestDistance = distance;
                    }
                }
            }
            return best < 0 ? null : columnName(best) + row;
        }

        /** "sheet Tiers, cell D11: " (or "cell D11: " for CSV, "row 11: " when no cell is known). */
        public String where(int row, String cell) {
            String s = sheet == null ? "" : "sheet " + sheet + ", ";
            if (cell != null) return s + "cell " + cell + ": ";
            return row > 0 ? s + "row " + row + ": " : s.isEmpty() ? "" : s.substring(0, s.length() - 2) + ": ";
        }
    }

    /**
     * The DRL of every rule table in the file (one per sheet that holds a {@code RuleTable}); problems of the file are
     * appended to {@code problems}, each naming the file, the sheet and the cell, and such a file yields nothing.
     */
    public static List<DroolsRuleBase.DrlFile> toDrl(String path, byte[] content, List<Problem> problems) {
        Map<String, List<List<String>>> sheets;
        try {
            sheets = isWorkbook(path) ? readWorkbook(content) : Map.of("", readCsv(content));
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(path, 0, "", "cannot read the decision table: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))));
            return List.of();
        }
        List<DroolsRuleBase.DrlFile> out = new ArrayList<>();
        boolean anyTable = false;
        for (Map.Entry<String, List<List<String>>> e : sheets.entrySet()) {
            String sheet = e.getKey().isEmpty() ? null : e.getKey();
            List<List<String>> cells = e.getValue();
            if (!hasRuleTable(cells)) continue;
            anyTable = true;
            List<Problem> found = validate(path, sheet, cells);
            if (!found.isEmpty()) {
                problems.addAll(found);
                continue;
            }
            String drl;
            try {
                SpreadsheetCompiler compiler = new SpreadsheetCompiler();
                drl = sheet == null ? compiler.compile(new ByteArrayInputStream(content), InputType.CSV)
                        : compiler.compile(new ByteArrayInputStream(content), sheet);
            } catch (RuntimeException ex) {
                String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : firstLine(ex.getMessage());
                Matcher m = CELL_IN_MESSAGE.matcher(message);
                int row = m.find() ? Integer.parseInt(m.group(2)) : 0;
                String cell = row > 0 ? m.group(1) + row : null;
                Origin o = new Origin(sheet, cells, new int[0]);
                problems.add(new Problem(path, row, cell == null ? "" : cell, o.where(row, cell) + "decision table: " + message));
                continue;
            }
            String text = withMvelDialect(drl);
            out.add(new DroolsRuleBase.DrlFile(path, text, new Origin(sheet, cells, rowsOfLines(text, importRow(cells)))));
        }
        if (!anyTable) {
            problems.add(new Problem(path, 0, "", "no RuleTable in this file: a decision table starts its rules below a cell 'RuleTable <name>'"
                    + (isWorkbook(path) ? " on one of its sheets" : "")));
        }
        return out;
    }

    /** Refuses unknown keywords and column headers; the rest is left to Drools and the compiler. */
    static List<Problem> validate(String path, String sheet, List<List<String>> cells) {
        List<Problem> problems = new ArrayList<>();
        Origin where = new Origin(sheet, cells, new int[0]);
        boolean inTable = false;
        int headerRow = -1;
        int startColumn = 0;
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            int first = firstNonEmpty(row);
            if (inTable && first < 0) {
                // The object-type, code and label rows may be blank; a blank row among the rules ends the table.
                if (r > headerRow + 3) inTable = false;
                continue;
            }
            if (first < 0) continue;
            String lead = row.get(first).trim();
            if (lead.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                inTable = true;
                headerRow = r + 1;
                startColumn = first;
                continue;
            }
            if (inTable && r == headerRow) {
                for (int c = startColumn; c < row.size(); c++) {
                    String h = row.get(c).trim();
                    if (h.isEmpty()) continue;
                    if (!COLUMN_HEADERS.contains(h.toUpperCase(Locale.ROOT))) {
                        String cell = columnName(c) + (r + 1);
                        problems.add(new Problem(path, r + 1, cell, where.where(r + 1, cell) + "unknown column header '" + h
                                + "': a tier table's columns are " + String.join(", ", COLUMN_HEADERS)
                                + " (Drools would read it by its first letter)"));
                    }
                }
                continue;
            }
            if (!inTable && !KEYWORDS_LOWER.contains(lead.toLowerCase(Locale.ROOT))) {
                String cell = columnName(first) + (r + 1);
                problems.add(new Problem(path, r + 1, cell, where.where(r + 1, cell) + "unknown keyword '" + lead
                        + "': outside a rule table a row starts with one of " + String.join(", ", KEYWORDS)));
            }
        }
        return problems;
    }

    private static boolean hasRuleTable(List<List<String>> cells) {
        for (List<String> row : cells) {
            int first = firstNonEmpty(row);
            if (first >= 0 && row.get(first).trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) return true;
        }
        return false;
    }

    private static int firstNonEmpty(List<String> row) {
        for (int c = 0; c < row.size(); c++) if (!row.get(c).trim().isEmpty()) return c;
        return -1;
    }

    private static int importRow(List<List<String>> cells) {
        for (int r = 0; r < cells.size(); r++) {
            int first = firstNonEmpty(cells.get(r));
            if (first >= 0 && cells.get(r).get(first).trim().equalsIgnoreCase("import")) return r + 1;
        }
        return 0;
    }

    /** Each generated line's sheet row: the row of the nearest rule comment above it; the header lines map to the Import row. */
    static int[] rowsOfLines(String drl, int importRow) {
        String[] lines = drl.split("\n", -1);
        int[] rows = new int[lines.length + 2];
        int current = importRow;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE_VALUES_AT.matcher(lines[i].trim());
            if (m.find()) current = Integer.parseInt(m.group(2));
            rows[i + 1] = current;
        }
        return rows;
    }

    private static String withMvelDialect(String drl) {
        if (drl.contains("\ndialect ")) return drl;
        int end = drl.indexOf('\n');
        if (end < 0 || !drl.startsWith("package ")) return "dialect \"mvel\"\n" + drl;
        // On the package line itself, so every generated line keeps its number.
        return drl.substring(0, end) + " dialect \"mvel\"" + drl.substring(end);
    }

    static List<List<String>> readCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        CsvLineParser parser = new CsvLineParser();
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) rows.add(new ArrayList<>(parser.parse(line)));
        while (!rows.isEmpty() && firstNonEmpty(rows.get(rows.size() - 1)) < 0) rows.remove(rows.size() - 1);
        return rows;
    }

    /** Sheets by name, in workbook order, each as rows of formatted cell text (a blank row stays a row). */
    static Map<String, List<List<String>>> readWorkbook(byte[] content) throws IOException {
        refuseZipBomb(content);
        Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet s : wb) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= s.getLastRowNum(); r++) {
                    Row row = s.getRow(r);
                    List<String> values = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                            Cell cell = row.getCell(c);
                            values.add(cell == null ? "" : format.formatCellValue(cell));
                        }
                    }
                    rows.add(values);
                }
                sheets.put(s.getSheetName(), rows);
            }
        }
        return sheets;
    }

    /** Most bytes a workbook may expand to: a tier table is a few kilobytes; a zip bomb is refused before POI opens it. */
    static final long MAX_EXPANDED_BYTES = 32L << 20;

    private static void refuseZipBomb(byte[] content) throws IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(content))) {
            while (zip.getNextEntry() != null) {
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_EXPANDED_BYTES) {
                        throw new IOException("the workbook expands to more than " + (MAX_EXPANDED_BYTES >> 20) + " MB; refused");
                    }
                }
            }
        }
    }

    /** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
    public static String columnName(int column) {
        StringBuilder b = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            b.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
