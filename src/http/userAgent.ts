/**
 * The User-Agent the suite sends unless --user-agent says otherwise: what the OpenStack command-line client of
 * Debian 12 sends, measured (`openstack image show` of python3-openstackclient 6.0.0-4, through openstacksdk
 * 0.101.0, keystoneauth1 5.0.0, requests 2.28.1, Python 3.11.2), so that a target cannot tell the suite from that
 * client by a missing or unusual header. It sends `Accept-Encoding: gzip, deflate` too; so does the suite.
 */
export const defaultUserAgent =
  "openstacksdk/0.101.0 keystoneauth1/5.0.0 python-requests/2.28.1 CPython/3.11.2";
