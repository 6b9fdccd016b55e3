package io.bosang.ledger;

/**
 * The ledger's database cannot be reached (stopped, restarting, network gone). Nothing of the call was written:
 * every decision is one transaction. The service answers 503; the pool reconnects by itself when the database returns.
 */
public final class LedgerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean busy;

    public LedgerUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public LedgerUnavailableException(String message, Throwable cause, boolean busy) {
        super(message, cause);
        this.busy = busy;
    }

    /** True when the database is up but every connection of the pool stayed in use for the connection timeout. */
    public boolean busy() {
        return busy;
    }
}
