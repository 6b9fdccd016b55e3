package io.bosang.params;

import java.time.LocalDate;

/** A rule read a parameter that has no value on the incident's date. */
public final class MissingParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameterId;

    public MissingParameterException(String parameterId, LocalDate date) {
        super("parameter '" + parameterId + "' has no value in force on " + date);
        this.parameterId = parameterId;
    }

    public String parameterId() {
        return parameterId;
    }
}
