package io.cxhub.persona.customer;

import java.util.List;

/** One page of customers and the token of the next (empty on the last page). */
public record CustomerPage(List<Customer> customers, String nextPageToken) {}
