package org.rabt.config.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rabt.caserecord.staff.StaffRole;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns an identity provider's JWT into a member of staff: the roles come from one claim
 * ({@code rabt.security.oidc.roles-claim}); values that name no staff role are ignored, so a
 * token with none of them is signed in but may do nothing (deny by default). The name in the
 * audit log is {@code preferred_username} when the token has one, else its subject.
 */
public final class StaffRoleClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String claimPath;

    public StaffRoleClaims(String claimPath) {
        this.claimPath = claimPath;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), name);
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claims)) {
            StaffRole.parse(value).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(StaffAuthorities.of(role))));
        }
        return List.copyOf(authorities);
    }

    private List<String> values(Map<String, Object> claims) {
        Object current = claims;
        for (String step : claimPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return List.of();
            }
            current = object.get(step);
        }
        List<String> values = new ArrayList<>();
        if (current instanceof Collection<?> list) {
            list.forEach(item -> values.add(String.valueOf(item)));
        } else if (current instanceof String text) {
            values.addAll(List.of(text.split("[\\s,]+")));
        }
        return values;
    }
}
