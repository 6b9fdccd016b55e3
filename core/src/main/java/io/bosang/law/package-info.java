/**
 * The law a policy stands on, as data: {@link io.bosang.law.Source} entries of the source registry (statutes,
 * decrees, guidelines, standard terms, company notices, press reports, court decisions), each with its title in
 * Korean and English, issuer, date, article, address and any quotation we hold, and {@link io.bosang.law.Citation}s
 * that name an entry with a pinpoint. A leaf package: it knows nothing of rules, parameters or results.
 */
package io.bosang.law;
