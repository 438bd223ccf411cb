package io.cxhub.persona.discovery.mongo;

import io.cxhub.persona.discovery.Standardization;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Numbers of the discovery documents: arrays as lists, NaN as null. */
final class Codec {

  private Codec() {}

  static List<Double> list(double[] values) {
    var list = new ArrayList<Double>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }

  static Double nan(double value) {
    return Double.isNaN(value) ? null : value;
  }

  static double number(Document d, String key) {
    var n = d.get(key, Number.class);
    return n == null ? Double.NaN : n.doubleValue();
  }

  static double[] array(Document d, String key) {
    var list = d.getList(key, Number.class, List.of());
    var result = new double[list.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = list.get(i).doubleValue();
    }
    return result;
  }

  static Standardization standardization(Document d) {
    return new Standardization(array(d, "means"), array(d, "sds"));
  }
}
