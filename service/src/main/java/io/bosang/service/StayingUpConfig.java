package io.bosang.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What keeps the service up (docs/DESIGN.md, "A service that stays up"): the request-body filter with its in-flight
 * budget, the assessment deadline, the out-of-memory health check, the admin principal for health details, and
 * Tomcat's own errors as JSON. The connector's timeouts and caps are {@code server.tomcat.*} in application.properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceLimits.class)
public class StayingUpConfig {

    /** Health {@code memory}. */
    @Bean(destroyMethod = "close")
    OutOfMemoryHealth memoryHealthIndicator() {
        OutOfMemoryHealth memory = new OutOfMemoryHealth();
        memory.installUncaughtHandler();
        memory.watchHeap();
        return memory;
    }

    @Bean
    InFlightBytes inFlightBytes(ServiceLimits limits, MeterRegistry meters) {
        InFlightBytes budget = new InFlightBytes(limits.inFlightBudgetBytes());
        Gauge.builder("bosang.requests.in-flight-bytes", budget, InFlightBytes::used).description("request-body bytes held now").register(meters);
        return budget;
    }

    @Bean
    RequestBodyFilter requestBodyFilter(BosangProperties props, ServiceLimits limits, ServerProperties server, InFlightBytes budget,
                                        OutOfMemoryHealth memory) {
        long swallow = server.getTomcat().getMaxSwallowSize().toBytes();
        return new RequestBodyFilter(props.maxRequestBytes().toBytes(), swallow, limits.bodyReadTimeout(), budget,
                limits.blockingBodyReads(), memory);
    }

    /** After Spring's own filters (encoding, observation), just before the dispatcher: it owns the body from here. */
    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilterRegistration(RequestBodyFilter filter) {
        FilterRegistrationBean<RequestBodyFilter> r = new FilterRegistrationBean<>(filter);
        r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        r.setAsyncSupported(true);
        r.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return r;
    }

    @Bean
    FilterRegistrationBean<AdminPrincipalFilter> adminPrincipalFilterRegistration(BosangProperties props) {
        FilterRegistrationBean<AdminPrincipalFilter> r = new FilterRegistrationBean<>(new AdminPrincipalFilter(props.adminToken()));
        r.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        r.setAsyncSupported(true);
        r.setOrder(Ordered.LOWEST_PRECEDENCE - 200);
        return r;
    }

    /** Health {@code requests}: the in-flight budget and the refusals of the body filter. */
    @Bean
    HealthIndicator requestsHealthIndicator(InFlightBytes budget, RequestBodyFilter filter) {
        return () -> Health.up()
                .withDetail("inFlightBytes", budget.used())
                .withDetail("inFlightLimitBytes", budget.limit())
                .withDetail("refusedOverBudget", budget.refusals())
                .withDetail("bodyReadTimeouts", filter.timeouts())
                .withDetail("bodiesTooLarge", filter.tooLarge())
                .withDetail("blockingReadsInUse", filter.blockingReadsInUse())
                .withDetail("refusedBlockingReads", filter.blockingRefusals())
                .build();
    }

    /** Health {@code assessments}, and the pool and deadline of every request's assessments. */
    @Bean(destroyMethod = "close")
    AssessmentDeadline assessmentsHealthIndicator(ServiceLimits limits, OutOfMemoryHealth memory) {
        return new AssessmentDeadline(limits.assessmentTimeout(), limits.assessmentWorkers(), memory);
    }

    /**
     * TRACE is refused by Tomcat (405) and its error dispatch would reach the servlet's own {@code doTrace}, which
     * answers with an empty body; this writes the JSON refusal there instead.
     */
    @Bean
    FilterRegistrationBean<Filter> traceRefusalRegistration() {
        Filter trace = (req, res, chain) -> {
            if ("TRACE".equals(((HttpServletRequest) req).getMethod())) {
                ErrorBodies.write((HttpServletResponse) res, 405, ErrorBodies.forStatus(405), null);
                return;
            }
            chain.doFilter(req, res);
        };
        FilterRegistrationBean<Filter> r = new FilterRegistrationBean<>(trace);
        r.setDispatcherTypes(DispatcherType.ERROR);
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return r;
    }

    @Bean
    TomcatJsonErrors tomcatJsonErrors() {
        return new TomcatJsonErrors();
    }

    /**
     * Puts {@link JsonErrorReportValve} on the host in place of the {@link ErrorReportValve} Boot adds (its context
     * customizer runs before this one, which is ordered after Boot's own customizer), so what Tomcat refuses before
     * Spring sees the request is JSON too.
     */
    static final class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Host host = (Host) context.getParent();
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof JsonErrorReportValve)) host.getPipeline().removeValve(v);
                }
                if (host instanceof StandardHost standard) standard.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new JsonErrorReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
