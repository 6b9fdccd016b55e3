package io.bosang.law;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sources policies may cite, by id. Immutable. A policy sees the shared registry (shipped with the rules) and
 * the entries of its own folder's {@code sources.yaml}, if it has one.
 */
public final class SourceRegistry {
    private static final SourceRegistry EMPTY = new SourceRegistry(Map.of(), "");
    private final Map<String, Source> sources;
    private final String digest;

    public SourceRegistry(Map<String, Source> sources, String digest) {
        this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
        this.digest = digest == null ? "" : digest;
    }

    public static SourceRegistry empty() {
        return EMPTY;
    }

    public Optional<Source> get(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public boolean contains(String id) {
        return sources.containsKey(id);
    }

    /** Every entry, by id. */
    public Collection<Source> all() {
        return sources.values();
    }

    public int size() {
        return sources.size();
    }

    /** A digest of the registry's text, so a policy's content hash changes when a source it may cite changes. */
    public String digest() {
        return digest;
    }

    /** This registry with more entries; an id of {@code more} that is already here is not replaced. */
    public SourceRegistry with(Map<String, Source> more, String moreDigest) {
        if (more.isEmpty()) return this;
        Map<String, Source> all = new TreeMap<>(more);
        all.putAll(sources);
        return new SourceRegistry(all, digest + "+" + moreDigest);
    }

    /**
     * The citations with their entries; the ids not in the registry are added to {@code unknown} and left unresolved.
     */
    public List<Citation> resolve(List<Citation> citations, List<String> unknown) {
        List<Citation> out = new ArrayList<>(citations.size());
        for (Citation c : citations) {
            Source s = sources.get(c.source());
            if (s == null) unknown.add(c.source());
            out.add(s == null ? c : c.resolvedTo(s));
        }
        return out;
    }
}
