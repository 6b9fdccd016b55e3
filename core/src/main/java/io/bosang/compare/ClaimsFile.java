package io.bosang.compare;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A claims file (a JSON array, one JSON object or NDJSON, read by {@link ClaimSource}) that can be streamed through
 * several policies, keeping only each claim's {@link ClaimValue}. Every pass is a full batch run with settlement,
 * exactly as {@code bosang assess}. A file that cannot be opened or read part way is an {@link UncheckedIOException}
 * whose message names the file and the cause, for the command line to print as it is.
 */
public final class ClaimsFile {
    private final Path file;
    private final IncidentCatalog incidents;

    public ClaimsFile(Path file, IncidentCatalog incidents) {
        this.file = file;
        this.incidents = incidents;
    }

    public Path path() {
        return file;
    }

    /** Streams the file through {@code policy} on {@code threads} threads; one value per record, in input order. */
    public List<ClaimValue> values(Policy policy, int threads) {
        List<ClaimValue> out = new ArrayList<>();
        run(policy, threads, a -> out.add(a));
        return out;
    }

    /**
     * Streams the file once through all of {@code policies}: each record is read once and assessed and settled under
     * each policy as separate runs would; {@code sink} gets, per record in input order, one value per policy.
     */
    public void runEach(List<Policy> policies, int threads, Consumer<List<ClaimValue>> sink) {
        try (InputStream in = Files.newInputStream(file);
             ClaimSource claims = ClaimSource.open(in, new ClaimReader(incidents))) {
            new BatchAssessor(policies, threads, 256).runEach(claims.deferred(), ClaimValue::of, (a, values) -> sink.accept(values), n -> { });
        } catch (IOException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    /** Streams the file through {@code policy}, handing each record's value to {@code sink} in input order. */
    public void run(Policy policy, int threads, Consumer<ClaimValue> sink) {
        try (InputStream in = Files.newInputStream(file);
             ClaimSource claims = ClaimSource.open(in, new ClaimReader(incidents))) {
            // Workers parse, assess and summarise; the calling thread settles in input order.
            new BatchAssessor(policy, threads).run(claims.deferred(), ClaimValue::of, (a, value) -> sink.accept(value), n -> { });
        } catch (IOException e) {
            throw unreadable(e);
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    private UncheckedIOException unreadable(IOException e) {
        return new UncheckedIOException("cannot read the claims file " + file + ": " + e.getMessage(), e);
    }
}
