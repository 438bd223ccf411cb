package io.cxhub.kit.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.paging.NameKeyPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keyset pagination over a tenant's documents: the query that serves a
 * {@link NameKeyPosition} on a collection whose documents carry {@code tenantId},
 * {@code nameKey} and their id in {@code _id}. An index on
 * {@code (tenantId, nameKey, _id)} (or a unique one on {@code (tenantId, nameKey)}) serves it.
 */
public final class MongoKeyset {

  private MongoKeyset() {}

  /**
   * Up to {@code limit} of the tenant's documents in ({@code nameKey}, {@code _id}) order,
   * starting right after {@code after}, or from the first when it is null, each read with
   * {@code read}.
   */
  public static <T> List<T> byNameKey(
      MongoCollection<Document> collection, String tenantId, NameKeyPosition after, int limit,
      Function<Document, T> read) {
    Bson filter = eq("tenantId", tenantId);
    if (after != null) {
      filter = and(filter, or(
          gt("nameKey", after.nameKey()),
          and(eq("nameKey", after.nameKey()), gt("_id", after.id()))));
    }
    return collection.find(filter)
        .sort(Sorts.ascending("nameKey", "_id"))
        .limit(limit)
        .map(read::apply)
        .into(new ArrayList<>());
  }
}
