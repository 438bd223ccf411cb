package io.cxhub.gateway.access;

import io.cxhub.gateway.apikey.ApiKeyAuthenticationGatewayFilterFactory;
import io.cxhub.gateway.cors.CorsWebFilter;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.problem.Problems;
import io.cxhub.gateway.tenant.Tenant;
import io.cxhub.gateway.transcode.MatchHttpRuleGatewayFilterFactory;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;

/**
 * {@code Authorize} route filter (after {@code ApiKeyAuthentication}): enforces the RPC's
 * declared access rule with {@link AccessPolicy}. A refusal is 403 problem+json naming the
 * missing role, scope or platform right; a tenant in the path that is not the caller's is
 * 404 with the very body a missing tenant gets. A cross-origin request (see
 * {@link CorsWebFilter}) whose caller's tenant does not list its origin is 403.
 */
public class AuthorizeGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private final ProblemWriter problems;

  public AuthorizeGatewayFilterFactory(ProblemWriter problems) {
    super(Object.class);
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      var match = MatchHttpRuleGatewayFilterFactory.matched(exchange)
          .orElseThrow(() -> new IllegalStateException("Authorize must come after MatchHttpRule"));
      var binding = match.binding();
      Optional<String> pathTenant = binding.pathFields().contains(AccessPolicy.TENANT_PATH_FIELD)
          ? Optional.ofNullable(match.variables().get(AccessPolicy.TENANT_PATH_FIELD))
          : Optional.empty();
      var caller = ApiKeyAuthenticationGatewayFilterFactory.caller(exchange);
      var crossOrigin = CorsWebFilter.crossOriginTenants(exchange);
      if (caller.isPresent() && crossOrigin.isPresent() && !caller.get().platformOperator()
          && !crossOrigin.get().tenants().contains(caller.get().tenantId())) {
        return problems.write(exchange, Problems.permissionDenied("Tenant " + caller.get().tenantId()
            + " does not allow requests from the origin " + crossOrigin.get().origin()
            + " (see its CORS policy)."));
      }
      var decision = AccessPolicy.decide(binding.rpc().rule(), caller, pathTenant);
      if (decision instanceof AccessPolicy.Decision.Forbidden forbidden) {
        return problems.write(exchange, Problems.permissionDenied(forbidden.detail()));
      }
      if (decision instanceof AccessPolicy.Decision.TenantNotFound notFound) {
        return problems.write(exchange, Problems.notFound(Tenant.notFoundMessage(notFound.tenantId())));
      }
      return chain.filter(exchange);
    };
  }
}
