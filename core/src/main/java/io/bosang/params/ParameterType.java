package io.bosang.params;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What a parameter's values must look like. Checked when the policy is built, never when a claim runs. */
public enum ParameterType {
    DECIMAL, INTEGER, TEXT, BOOLEAN, DATE, SCALE;

    /** Returns null when {@code raw} is a valid value of this type, else a reason. */
    String problemWith(String raw) {
        switch (this) {
            case DECIMAL:
                try {
                    new BigDecimal(raw);
                    return null;
                } catch (NumberFormatException e) {
                    return "'" + raw + "' is not a decimal number (write it as a string such as \"0.25\")";
                }
            case INTEGER:
                try {
                    new BigDecimal(raw).longValueExact();
                    return null;
                } catch (NumberFormatException | ArithmeticException e) {
                    return "'" + raw + "' is not a whole number";
                }
            case BOOLEAN:
                return raw.equals("true") || raw.equals("false") ? null : "'" + raw + "' is not true or false";
            case DATE:
                try {
                    LocalDate.parse(raw);
                    return null;
                } catch (DateTimeParseException e) {
                    return "'" + raw + "' is not a date (YYYY-MM-DD)";
                }
            case SCALE: {
                java.util.List<String> why = new java.util.ArrayList<>();
                return Scale.read(raw, why) == null ? why.get(0) : null;
            }
            default:
                return null;
        }
    }
}
