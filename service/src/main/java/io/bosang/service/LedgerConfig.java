package io.bosang.service;

import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.HashMap;
import java.util.Map;

/**
 * The claims ledger: {@code bosang.ledger.url} (with {@code .user}, {@code .password}) names a PostgreSQL server;
 * without it the service starts an embedded PostgreSQL keeping its data in {@code bosang.ledger.dir} (default
 * {@code ~/.bosang/ledger}). The log names where the ledger is, never a password.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfig {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerConfig.class);

    @Bean(destroyMethod = "close")
    Ledger ledger(Environment env) {
        Map<String, String> values = new HashMap<>();
        for (String key : new String[]{LedgerSettings.URL, LedgerSettings.USER, LedgerSettings.PASSWORD, LedgerSettings.DIR}) {
            String v = env.getProperty(key);
            if (v != null) values.put(key, v);
        }
        LedgerSettings settings = LedgerSettings.from(values);
        Ledger ledger = Ledger.open(settings);
        LOG.info("claims ledger: {}", ledger.where());
        return ledger;
    }

    @Bean
    HealthIndicator ledgerHealthIndicator(Ledger ledger) {
        return () -> (ledger.reachable() ? Health.up() : Health.down()).withDetail("where", ledger.where()).build();
    }
}
