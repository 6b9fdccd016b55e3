package io.bosang.service;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

/**
 * A request that carries {@code Authorization: Bearer <bosang.admin-token>} is seen as the principal
 * {@code bosang-admin} in the role {@value #ROLE}; any other request has no principal. That is all the actuator
 * needs to show health details to the admin only ({@code management.endpoint.health.show-details=when-authorized},
 * {@code roles=BOSANG_ADMIN}), without Spring Security. With no admin token configured no one is the admin, so the
 * details are never shown. The token is compared in constant time.
 */
final class AdminPrincipalFilter implements Filter {
    static final String ROLE = "BOSANG_ADMIN";
    private static final Principal ADMIN = () -> "bosang-admin";
    private final byte[] expected;

    AdminPrincipalFilter(String adminToken) {
        this.expected = adminToken == null || adminToken.isEmpty() ? null : ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (expected != null && !(request instanceof Admin)) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
                chain.doFilter(new Admin(request), res);
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private static final class Admin extends HttpServletRequestWrapper {
        Admin(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Principal getUserPrincipal() {
            return ADMIN;
        }

        @Override
        public boolean isUserInRole(String role) {
            return ROLE.equals(role);
        }

        @Override
        public String getRemoteUser() {
            return ADMIN.getName();
        }
    }
}
