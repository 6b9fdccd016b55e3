package io.bosang.ledger;

/**
 * The ledger's database cannot be reached (stopped, restarting, network gone). Nothing of the call was written:
 * every decision is one transaction. The service answers 503; the pool reconnects by itself when the database returns.
 */
public final class LedgerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
