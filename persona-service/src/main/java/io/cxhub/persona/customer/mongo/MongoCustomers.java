package io.cxhub.persona.customer.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import io.cxhub.kit.id.Ids;
import io.cxhub.persona.customer.Customer;
import io.cxhub.persona.customer.Customers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Customers in the {@code customers} collection:
 * {@code { _id: "<tenantId>:<customerId>", tenantId, customerId, segment, personaId, updateTime }}.
 * Reads and writes go by {@code _id} alone (it starts with the tenant id), which the
 * embedded server serves from its index.
 */
@Repository
class MongoCustomers implements Customers {

  static final String COLLECTION = "customers";

  private final MongoCollection<Document> collection;

  MongoCustomers(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public void upsert(String tenantId, Customer c) {
    var doc = new Document("_id", Ids.tenantScoped(tenantId, c.customerId()))
        .append("tenantId", tenantId)
        .append("customerId", c.customerId())
        .append("segment", c.segment())
        .append("personaId", c.personaId())
        .append("updateTime", Date.from(c.updateTime()));
    collection.replaceOne(eq("_id", doc.getString("_id")), doc, new ReplaceOptions().upsert(true));
  }

  @Override
  public List<Customer> find(String tenantId, Collection<String> customerIds) {
    var keys = customerIds.stream().map(id -> Ids.tenantScoped(tenantId, id)).toList();
    var result = new ArrayList<Customer>();
    collection.find(in("_id", keys)).forEach(d -> {
      if (tenantId.equals(d.getString("tenantId"))) {
        result.add(new Customer(d.getString("customerId"), d.getString("segment"), d.getString("personaId"),
            d.getDate("updateTime").toInstant()));
      }
    });
    return result;
  }
}
