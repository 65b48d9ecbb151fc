import * as aws from "@pulumi/aws";

const site = new aws.s3.Bucket("site", {
  website: { indexDocument: "index.html", errorDocument: "404.html" },
  tags: { Environment: "dev" },
});
new aws.s3.BucketObject("index", {
  bucket: site.id,
  key: "index.html",
  content: "<h1>hello</h1>",
  contentType: "text/html",
});
export const bucketName = site.bucket;
