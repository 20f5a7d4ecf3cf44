import { Policies } from "@pulumi/policy";
import { awsElastiCacheEncryption } from "./aws/aws-elasticache-encryption";
import { awsElastiCacheFailover } from "./aws/aws-elasticache-failover";
import { awsEksNodeGroupMinSize } from "./aws/aws-eks-nodegroup-min-size";
import { awsEksNodeGroupZones } from "./aws/aws-eks-nodegroup-zones";
import { awsMqBrokerHa } from "./aws/aws-mq-broker-ha";
import { awsMqBrokerPublic } from "./aws/aws-mq-broker-public";
import { awsRdsBackups } from "./aws/aws-rds-backups";
import { awsRdsClusterHa } from "./aws/aws-rds-cluster-ha";
import { awsRdsDeletionProtection } from "./aws/aws-rds-deletion-protection";
import { awsRdsEncryption } from "./aws/aws-rds-encryption";
import { awsRdsInstanceMultiAz } from "./aws/aws-rds-instance-multi-az";
import { awsS3Encryption } from "./aws/aws-s3-encryption";
import { awsS3PublicAccessBlock } from "./aws/aws-s3-public-access-block";
import { awsS3Versioning } from "./aws/aws-s3-versioning";
import { gcpGcsPublicAccess } from "./gcp/gcp-gcs-public-access";
import { gcpGcsVersioning } from "./gcp/gcp-gcs-versioning";
import { gcpGkeNodePoolAutoRepair } from "./gcp/gcp-gke-nodepool-auto-repair";
import { gcpGkeNodePoolMinNodes } from "./gcp/gcp-gke-nodepool-min-nodes";
import { gcpGkeRegional } from "./gcp/gcp-gke-regional";
import { gcpMemorystoreClusterReplicas } from "./gcp/gcp-memorystore-cluster-replicas";
import { gcpMemorystoreClusterZones } from "./gcp/gcp-memorystore-cluster-zones";
import { gcpRedisInstanceEncryption } from "./gcp/gcp-redis-instance-encryption";
import { gcpRedisInstanceHa } from "./gcp/gcp-redis-instance-ha";
import { gcpSqlBackups } from "./gcp/gcp-sql-backups";
import { gcpSqlDeletionProtection } from "./gcp/gcp-sql-deletion-protection";
import { gcpSqlHa } from "./gcp/gcp-sql-ha";
import { gcpSqlPublicAccess } from "./gcp/gcp-sql-public-access";
import { k8sCnpgBackups } from "./kubernetes/k8s-cnpg-backups";
import { k8sCnpgHa } from "./kubernetes/k8s-cnpg-ha";
import { k8sDataPdb } from "./kubernetes/k8s-data-pdb";
import { k8sDataResources } from "./kubernetes/k8s-data-resources";
import { k8sDataTls } from "./kubernetes/k8s-data-tls";
import { k8sDataZoneSpread } from "./kubernetes/k8s-data-zone-spread";
import { k8sRabbitmqReplicas } from "./kubernetes/k8s-rabbitmq-replicas";
import { k8sRedisFailover } from "./kubernetes/k8s-redis-failover";
import { k8sImageTags } from "./kubernetes/k8s-image-tags";
import { k8sNetworkPolicy } from "./kubernetes/k8s-network-policy";
import { k8sNumericUser } from "./kubernetes/k8s-numeric-user";
import { k8sHpaMinReplicas } from "./kubernetes/k8s-hpa-min-replicas";
import { k8sMinReplicas } from "./kubernetes/k8s-min-replicas";
import { k8sPdbCoverage } from "./kubernetes/k8s-pdb-coverage";
import { k8sProbes } from "./kubernetes/k8s-probes";
import { k8sSecretEnv } from "./kubernetes/k8s-secret-env";

/** Every policy of the pack. Importing this does not start the analyzer (index.ts does). */
export const policies: Policies = [
    k8sMinReplicas,
    k8sPdbCoverage,
    k8sProbes,
    k8sSecretEnv,
    k8sHpaMinReplicas,
    k8sCnpgHa,
    k8sCnpgBackups,
    k8sRabbitmqReplicas,
    k8sRedisFailover,
    k8sDataZoneSpread,
    k8sDataTls,
    k8sDataPdb,
    k8sNumericUser,
    k8sImageTags,
    k8sDataResources,
    k8sNetworkPolicy,
    awsRdsClusterHa,
    awsRdsInstanceMultiAz,
    awsRdsEncryption,
    awsRdsBackups,
    awsRdsDeletionProtection,
    awsElastiCacheFailover,
    awsElastiCacheEncryption,
    awsMqBrokerHa,
    awsMqBrokerPublic,
    awsS3Versioning,
    awsS3Encryption,
    awsS3PublicAccessBlock,
    awsEksNodeGroupZones,
    awsEksNodeGroupMinSize,
    gcpSqlHa,
    gcpSqlBackups,
    gcpSqlDeletionProtection,
    gcpSqlPublicAccess,
    gcpRedisInstanceHa,
    gcpRedisInstanceEncryption,
    gcpMemorystoreClusterReplicas,
    gcpMemorystoreClusterZones,
    gcpGcsVersioning,
    gcpGcsPublicAccess,
    gcpGkeRegional,
    gcpGkeNodePoolMinNodes,
    gcpGkeNodePoolAutoRepair,
];
