package stats

import "encoding/json"

// roundTrip copies src into dst through JSON.
func roundTrip(src, dst any) error {
	data, err := json.Marshal(src)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, dst)
}
