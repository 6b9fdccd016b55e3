package io.bosang.problem;

import java.util.List;

/**
 * A policy could not be built. Carries every problem found (DRL errors, parameter mistakes, manifest and catalogue
 * errors) at once, each with file, line and key, so an analyst fixes them in one pass.
 */
public final class PolicyBuildException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String policy;
    private final transient List<Problem> problems;

    public PolicyBuildException(String policy, List<Problem> problems) {
        super(render(policy, problems));
        this.policy = policy;
        this.problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    public String policy() {
        return policy;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(String policy, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append("policy ").append(policy).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(':');
        problems.stream().sorted(Problem.ORDER).forEach(p -> sb.append("\n  ").append(p));
        return sb.toString();
    }
}
