package org.rabt.routes.exchange;

import org.apache.camel.builder.RouteBuilder;
import org.rabt.routes.attachments.AttachmentIntake;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;
import org.rabt.routes.status.StatusReports;

/**
 * The sector exchange API over HTTPS with a required client certificate: post a card, read a
 * card's status, report on a card received, send a document a card references. Every failure becomes an RFC 9457 problem document.
 */
public final class ExchangeApiRoute extends RouteBuilder {

    private final ExchangeRequests requests;
    private final ExchangeResponses responses;
    private final StatusReports statusReports;
    private final Problems problems;
    private final AttachmentIntake attachments;

    public ExchangeApiRoute(ExchangeRequests requests, ExchangeResponses responses, StatusReports statusReports,
            Problems problems, AttachmentIntake attachments) {
        this.requests = requests;
        this.responses = responses;
        this.statusReports = statusReports;
        this.problems = problems;
        this.attachments = attachments;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(problems::write);

        from("platform-http:/exchange/v1/{sector}/cards?httpMethodRestrict=POST&matchOnUriPrefix=false")
                .routeId(RouteIds.EXCHANGE_POST_CARD)
                .process(exchange -> exchange.getIn().setBody(requests.read(exchange)))
                .to(Endpoints.INTAKE)
                .process(responses::accepted);

        from("platform-http:/exchange/v1/{sector}/cards/{cardId}?httpMethodRestrict=GET")
                .routeId(RouteIds.EXCHANGE_GET_CARD)
                .process(responses::status);

        from("platform-http:/exchange/v1/{sector}/cards/{cardId}/status?httpMethodRestrict=POST")
                .routeId(RouteIds.EXCHANGE_POST_STATUS)
                .process(exchange -> responses.reported(exchange, statusReports.report(requests.read(exchange),
                        exchange.getIn().getHeader("cardId", String.class))));

        from("platform-http:/exchange/v1/{sector}/attachments/{sha256}?httpMethodRestrict=PUT")
                .routeId(RouteIds.EXCHANGE_PUT_ATTACHMENT)
                .process(exchange -> AttachmentIntake.answer(exchange, attachments.receive(requests.readAttachment(exchange),
                        exchange.getIn().getHeader("sha256", String.class))));
    }
}
